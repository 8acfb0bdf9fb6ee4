using System.Text;

namespace ReportWorker.Spreadsheets;

/// <summary>
/// Reads CSV the way Excel and WPS save it in China: UTF-8 with or without BOM, or GBK/GB18030
/// ("CSV (逗号分隔)" on a Chinese Windows). Quoted fields may hold commas and line breaks.
/// </summary>
public static class CsvReader
{
    static CsvReader() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static Workbook Read(string path)
    {
        var text = Decode(File.ReadAllBytes(path));
        var delimiter = DetectDelimiter(text);
        var rows = new List<SheetRow>();
        var rowNumber = 1;
        foreach (var fields in Parse(text, delimiter))
        {
            var cells = new Dictionary<int, CellValue>();
            for (var i = 0; i < fields.Count; i++)
                if (fields[i].Length > 0) cells[i + 1] = new CellValue(fields[i]);
            rows.Add(new SheetRow(rowNumber++, cells));
        }
        return new Workbook([new Sheet(Path.GetFileNameWithoutExtension(path), false, rows)], new Dictionary<string, string>());
    }

    public static string Decode(byte[] bytes)
    {
        if (bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) return Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
        if (bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE])) return Encoding.Unicode.GetString(bytes, 2, bytes.Length - 2);
        if (bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])) return Encoding.BigEndianUnicode.GetString(bytes, 2, bytes.Length - 2);
        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return Encoding.GetEncoding("GB18030").GetString(bytes);
        }
    }

    private static char DetectDelimiter(string text)
    {
        var firstLine = text.AsSpan(0, Math.Max(0, text.IndexOf('\n') is var i and >= 0 ? i : text.Length));
        var tabs = firstLine.Count('\t');
        var commas = firstLine.Count(',');
        return tabs > commas ? '\t' : ',';
    }

    private static IEnumerable<List<string>> Parse(string text, char delimiter)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"')
                {
                    if (i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                    else quoted = false;
                }
                else field.Append(c);
                continue;
            }
            if (c == '"' && field.Length == 0) quoted = true;
            else if (c == delimiter) { fields.Add(field.ToString()); field.Clear(); }
            else if (c is '\r' or '\n')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n') i++;
                fields.Add(field.ToString()); field.Clear();
                yield return fields;
                fields = [];
            }
            else field.Append(c);
        }
        if (field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            yield return fields;
        }
    }
}
