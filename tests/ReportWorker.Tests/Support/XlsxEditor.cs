using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using X = DocumentFormat.OpenXml.Spreadsheet;

namespace ReportWorker.Tests.Support;

/// <summary>Edits cells of an .xlsx the way a person typing into Excel would leave them.</summary>
public sealed class XlsxEditor
{
    private readonly SpreadsheetDocument _document;
    private XlsxEditor(SpreadsheetDocument document) => _document = document;

    public static byte[] Edit(byte[] xlsx, Action<XlsxEditor> edit)
    {
        using var stream = new MemoryStream();
        stream.Write(xlsx);
        using (var document = SpreadsheetDocument.Open(stream, true))
        {
            edit(new XlsxEditor(document));
            document.Save();
        }
        return stream.ToArray();
    }

    public const string Form = "填报表";

    /// <summary>Row of the task with this code on the 填报表 sheet.</summary>
    public int RowOf(string code)
    {
        var sheet = Sheet(Form);
        var strings = _document.WorkbookPart!.SharedStringTablePart?.SharedStringTable;
        foreach (var row in sheet.Descendants<X.Row>())
            foreach (var cell in row.Elements<X.Cell>().Where(c => c.CellReference!.Value!.StartsWith('A')))
            {
                var text = cell.DataType?.Value == X.CellValues.SharedString
                    ? strings!.ElementAt(int.Parse(cell.CellValue!.Text)).InnerText : cell.InnerText;
                if (text == code) return (int)row.RowIndex!.Value;
            }
        throw new InvalidOperationException($"no row for {code}");
    }

    public XlsxEditor Text(string reference, string text, string sheet = Form) =>
        Set(sheet, reference, c => { c.DataType = X.CellValues.InlineString; c.CellValue = null; c.CellFormula = null; c.InlineString = new X.InlineString(new X.Text(text) { Space = SpaceProcessingModeValues.Preserve }); });

    public XlsxEditor Number(string reference, double value, string sheet = Form) =>
        Set(sheet, reference, c => { c.DataType = null; c.InlineString = null; c.CellFormula = null; c.CellValue = new X.CellValue(value); });

    /// <summary>A number in a cell formatted as a percentage, as Excel stores "80%" typed by a person: 0.8 with format 0%.</summary>
    public XlsxEditor Percent(string reference, double fraction, string sheet = Form)
    {
        var styles = _document.WorkbookPart!.WorkbookStylesPart!.Stylesheet!;
        var formats = styles.CellFormats!;
        formats.Append(new X.CellFormat { NumberFormatId = 9U, ApplyNumberFormat = true, FontId = 0U, FillId = 0U, BorderId = 0U, FormatId = 0U });
        formats.Count = (uint)formats.ChildElements.Count;
        var style = formats.Count.Value - 1;
        return Set(sheet, reference, c => { c.DataType = null; c.InlineString = null; c.CellFormula = null; c.CellValue = new X.CellValue(fraction); c.StyleIndex = style; });
    }

    public XlsxEditor Formula(string reference, string formula, string cachedValue, string sheet = Form) =>
        Set(sheet, reference, c => { c.DataType = X.CellValues.String; c.InlineString = null; c.CellFormula = new X.CellFormula(formula); c.CellValue = new X.CellValue(cachedValue); });

    public XlsxEditor Clear(string reference, string sheet = Form) =>
        Set(sheet, reference, c => { c.DataType = null; c.InlineString = null; c.CellFormula = null; c.CellValue = null; });

    public XlsxEditor DeleteRow(int rowIndex, string sheet = Form)
    {
        Sheet(sheet).Descendants<X.Row>().First(r => r.RowIndex!.Value == rowIndex).Remove();
        return this;
    }

    public XlsxEditor RemoveMeta()
    {
        var wb = _document.WorkbookPart!;
        var meta = wb.Workbook!.Sheets!.Elements<X.Sheet>().First(s => s.Name == "_meta");
        wb.DeletePart(wb.GetPartById(meta.Id!));
        meta.Remove();
        if (_document.CustomFilePropertiesPart is { } custom) _document.DeletePart(custom);
        return this;
    }

    public XlsxEditor SetMeta(string key, string value)
    {
        var row = key == "unit" ? 1 : 2;
        Text($"B{row}", value, "_meta");
        return this;
    }

    private X.Worksheet Sheet(string name)
    {
        var wb = _document.WorkbookPart!;
        var sheet = wb.Workbook!.Sheets!.Elements<X.Sheet>().First(s => s.Name == name);
        return ((WorksheetPart)wb.GetPartById(sheet.Id!)).Worksheet!;
    }

    private XlsxEditor Set(string sheetName, string reference, Action<X.Cell> change)
    {
        var sheet = Sheet(sheetName);
        var rowIndex = uint.Parse(new string(reference.SkipWhile(char.IsLetter).ToArray()));
        var data = sheet.GetFirstChild<X.SheetData>()!;
        var row = data.Elements<X.Row>().FirstOrDefault(r => r.RowIndex!.Value == rowIndex)
                  ?? data.AppendChild(new X.Row { RowIndex = rowIndex });
        var cell = row.Elements<X.Cell>().FirstOrDefault(c => c.CellReference == reference);
        if (cell is null)
        {
            cell = new X.Cell { CellReference = reference };
            var after = row.Elements<X.Cell>().LastOrDefault(c => string.CompareOrdinal(c.CellReference!.Value!.PadLeft(6), reference.PadLeft(6)) < 0);
            if (after is null) row.PrependChild(cell); else after.InsertAfterSelf(cell);
        }
        change(cell);
        return this;
    }
}
