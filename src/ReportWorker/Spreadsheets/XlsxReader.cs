using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using X = DocumentFormat.OpenXml.Spreadsheet;

namespace ReportWorker.Spreadsheets;

/// <summary>
/// Reads every sheet of an .xlsx into text cells, whichever program saved it (Excel, WPS,
/// LibreOffice, openpyxl): shared or inline strings, numbers with their percent/date formats,
/// formulas as their text. Call <see cref="FileSniffer.Classify"/> first: it bounds the inflation.
/// </summary>
public static class XlsxReader
{
    public static Workbook Read(string path)
    {
        try
        {
            using var document = SpreadsheetDocument.Open(path, isEditable: false,
                new OpenSettings { MarkupCompatibilityProcessSettings = new(MarkupCompatibilityProcessMode.NoProcess, FileFormatVersions.Office2007) });
            return Read(document);
        }
        catch (Exception ex) when (ex is OpenXmlPackageException or InvalidDataException or System.Xml.XmlException or FormatException or InvalidOperationException)
        {
            throw new SpreadsheetFormatException("文件已损坏或不是有效的 Excel 工作簿，无法读取。",
                "请用 Excel/WPS 打开填报表，确认能正常打开后“另存为”.xlsx 再发送。", ex);
        }
    }

    private static Workbook Read(SpreadsheetDocument document)
    {
        var workbookPart = document.WorkbookPart
            ?? throw new SpreadsheetFormatException("文件中没有工作表。", "请回传下发的 .xlsx 填报表本身。");
        var strings = workbookPart.SharedStringTablePart?.SharedStringTable?.Elements<X.SharedStringItem>().Select(ItemText).ToArray() ?? [];
        var styles = CellStyles.From(workbookPart.WorkbookStylesPart?.Stylesheet);

        var sheets = new List<Sheet>();
        foreach (var sheet in workbookPart.Workbook?.Sheets?.Elements<X.Sheet>() ?? [])
        {
            if (sheet.Id?.Value is not { } id || workbookPart.GetPartById(id) is not WorksheetPart part) continue;
            var hidden = sheet.State?.Value is { } state && state != X.SheetStateValues.Visible;
            sheets.Add(new Sheet(sheet.Name?.Value ?? "", hidden, ReadRows(part, strings, styles)));
        }
        return new Workbook(sheets, CustomProperties(document));
    }

    private static List<SheetRow> ReadRows(WorksheetPart part, string[] strings, CellStyles styles)
    {
        var rows = new List<SheetRow>();
        var nextRow = 1;
        foreach (var row in part.Worksheet?.GetFirstChild<X.SheetData>()?.Elements<X.Row>() ?? [])
        {
            var number = (int?)row.RowIndex?.Value ?? nextRow;
            nextRow = number + 1;
            var cells = new Dictionary<int, CellValue>();
            var nextColumn = 1;
            foreach (var cell in row.Elements<X.Cell>())
            {
                var column = cell.CellReference?.Value is { } reference ? ColumnOf(reference) : nextColumn;
                nextColumn = column + 1;
                if (ReadCell(cell, strings, styles) is { } value) cells[column] = value;
            }
            rows.Add(new SheetRow(number, cells));
        }
        return rows;
    }

    private static CellValue? ReadCell(X.Cell cell, string[] strings, CellStyles styles)
    {
        if (cell.CellFormula is { } formula && !string.IsNullOrEmpty(formula.Text))
            return new CellValue("=" + formula.Text, IsFormula: true);

        var raw = cell.CellValue?.Text;
        var type = cell.DataType?.Value;
        if (type == X.CellValues.InlineString)
            return new CellValue(cell.InlineString is { } inline ? InlineText(inline) : "");
        if (raw is null) return null;
        if (type == X.CellValues.SharedString)
            return int.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var index) && index >= 0 && index < strings.Length
                ? new CellValue(strings[index]) : new CellValue("");
        if (type == X.CellValues.Boolean) return new CellValue(raw == "1" ? "TRUE" : "FALSE");
        if (type == X.CellValues.String || type == X.CellValues.Error || type == X.CellValues.Date) return new CellValue(raw);

        if (!double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)) return new CellValue(raw);
        var format = styles.FormatOf(cell.StyleIndex?.Value);
        if (format == NumberKind.Date)
        {
            var date = DateTime.FromOADate(number);
            return new CellValue(date.ToString(date.TimeOfDay == TimeSpan.Zero ? "yyyy-MM-dd" : "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), number, IsDate: true);
        }
        return new CellValue(number.ToString("R", CultureInfo.InvariantCulture), number, IsPercent: format == NumberKind.Percent);
    }

    // Phonetic runs (rPh) hold pronunciation guides, not text: only t and r/t count.
    private static string ItemText(X.SharedStringItem item) =>
        item.Text is { } t ? t.Text : string.Concat(item.Elements<X.Run>().Select(r => r.Text?.Text ?? ""));

    private static string InlineText(X.InlineString inline) =>
        inline.Text is { } t ? t.Text : string.Concat(inline.Elements<X.Run>().Select(r => r.Text?.Text ?? ""));

    internal static int ColumnOf(string reference)
    {
        var column = 0;
        foreach (var c in reference)
        {
            if (c is >= 'A' and <= 'Z') column = column * 26 + (c - 'A' + 1);
            else if (c is >= 'a' and <= 'z') column = column * 26 + (c - 'a' + 1);
            else break;
        }
        return column;
    }

    private static Dictionary<string, string> CustomProperties(SpreadsheetDocument document)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        var properties = document.CustomFilePropertiesPart?.Properties;
        if (properties is null) return result;
        foreach (var property in properties.Elements<DocumentFormat.OpenXml.CustomProperties.CustomDocumentProperty>())
            if (property.Name?.Value is { } name) result[name] = property.InnerText;
        return result;
    }

    private enum NumberKind { General, Percent, Date }

    private sealed class CellStyles(NumberKind[] kinds)
    {
        public NumberKind FormatOf(uint? styleIndex) =>
            styleIndex is { } i && i < kinds.Length ? kinds[i] : NumberKind.General;

        public static CellStyles From(X.Stylesheet? stylesheet)
        {
            var custom = stylesheet?.NumberingFormats?.Elements<X.NumberingFormat>()
                .Where(f => f.NumberFormatId?.Value is not null)
                .ToDictionary(f => f.NumberFormatId!.Value, f => f.FormatCode?.Value ?? "") ?? [];
            var formats = stylesheet?.CellFormats?.Elements<X.CellFormat>().ToArray() ?? [];
            return new CellStyles([.. formats.Select(f => Kind(f.NumberFormatId?.Value ?? 0, custom))]);
        }

        private static NumberKind Kind(uint id, Dictionary<uint, string> custom)
        {
            if (id is 9 or 10) return NumberKind.Percent;
            if (id is >= 14 and <= 22 or >= 45 and <= 47 or >= 27 and <= 36 or >= 50 and <= 58) return NumberKind.Date;
            if (!custom.TryGetValue(id, out var code)) return NumberKind.General;
            var bare = StripQuoted(code);
            if (bare.Contains('%')) return NumberKind.Percent;
            return bare.IndexOfAny(['y', 'd', 'm', 'h', 'Y', 'D', 'H', '年', '月', '日']) >= 0 && !bare.Contains('0') && !bare.Contains('#')
                ? NumberKind.Date : NumberKind.General;
        }

        private static string StripQuoted(string code)
        {
            var sb = new System.Text.StringBuilder();
            var inQuote = false;
            foreach (var c in code)
            {
                if (c == '"') inQuote = !inQuote;
                else if (!inQuote && c != '\\') sb.Append(c);
            }
            return sb.ToString();
        }
    }
}
