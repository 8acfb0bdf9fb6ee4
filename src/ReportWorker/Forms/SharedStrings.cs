using X = DocumentFormat.OpenXml.Spreadsheet;

namespace ReportWorker.Forms;

/// <summary>The workbook's shared string table, filled while the sheets are built.</summary>
internal sealed class SharedStrings
{
    private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);
    private readonly List<string> _items = [];

    public int Add(string text)
    {
        if (_index.TryGetValue(text, out var i)) return i;
        _index[text] = _items.Count;
        _items.Add(text);
        return _items.Count - 1;
    }

    public X.SharedStringTable ToTable() =>
        new(_items.Select(s => new X.SharedStringItem(new X.Text(Sanitize(s)) { Space = DocumentFormat.OpenXml.SpaceProcessingModeValues.Preserve })))
        {
            Count = (uint)_items.Count,
            UniqueCount = (uint)_items.Count,
        };

    // XML 1.0 cannot carry most control characters; a pasted one would make Excel "repair" the file.
    private static string Sanitize(string s) =>
        s.Any(c => c < 0x20 && c is not ('\t' or '\n' or '\r')) ? new string(s.Where(c => c >= 0x20 || c is '\t' or '\n' or '\r').ToArray()) : s;
}
