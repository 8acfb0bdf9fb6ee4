using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using X = DocumentFormat.OpenXml.Spreadsheet;

namespace ReportWorker.Spreadsheets;

/// <summary>Writes a plain one-sheet workbook: a header row and text rows (registry lists, exports).</summary>
public static class SimpleXlsxWriter
{
    public static void Write(Stream stream, string sheetName, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<object?>> rows) =>
        ZipTimestamps.WriteNormalized(stream, s => WritePackage(s, sheetName, headers, rows));

    private static void WritePackage(Stream stream, string sheetName, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<object?>> rows)
    {
        using var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook);
        var workbookPart = document.AddNewPart<WorkbookPart>("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml", "rIdWorkbook");
        var stylesPart = workbookPart.AddNewPart<WorkbookStylesPart>("rIdStyles");
        stylesPart.Stylesheet = new X.Stylesheet(
            new X.Fonts(new X.Font(new X.FontSize { Val = 11 }, new X.FontName { Val = "宋体" }), new X.Font(new X.Bold(), new X.FontSize { Val = 11 }, new X.FontName { Val = "宋体" })) { Count = 2U },
            new X.Fills(new X.Fill(new X.PatternFill { PatternType = X.PatternValues.None }), new X.Fill(new X.PatternFill { PatternType = X.PatternValues.Gray125 })) { Count = 2U },
            new X.Borders(new X.Border(new X.LeftBorder(), new X.RightBorder(), new X.TopBorder(), new X.BottomBorder(), new X.DiagonalBorder())) { Count = 1U },
            new X.CellStyleFormats(new X.CellFormat()) { Count = 1U },
            new X.CellFormats(new X.CellFormat(), new X.CellFormat { FontId = 1U, ApplyFont = true }, new X.CellFormat { NumberFormatId = 14U, ApplyNumberFormat = true }) { Count = 3U });
        var sheetPart = workbookPart.AddNewPart<WorksheetPart>("rIdSheet1");
        var data = new X.SheetData();
        data.Append(new X.Row(headers.Select((h, i) => Text(i, 1, h, 1U))) { RowIndex = 1U });
        var r = 2U;
        foreach (var row in rows)
        {
            data.Append(new X.Row(row.Select((v, i) => v switch
            {
                null => new X.Cell { CellReference = Ref(i, r) },
                DateOnly d => new X.Cell { CellReference = Ref(i, r), StyleIndex = 2U, CellValue = new X.CellValue(d.ToDateTime(TimeOnly.MinValue).ToOADate().ToString(CultureInfo.InvariantCulture)) },
                int or long or double => new X.Cell { CellReference = Ref(i, r), CellValue = new X.CellValue(Convert.ToString(v, CultureInfo.InvariantCulture)!) },
                _ => Text(i, r, Convert.ToString(v, CultureInfo.InvariantCulture) ?? "", 0U),
            })) { RowIndex = r });
            r++;
        }
        sheetPart.Worksheet = new X.Worksheet(
            new X.Columns(headers.Select((h, i) => new X.Column { Min = (uint)i + 1, Max = (uint)i + 1, Width = Math.Clamp(h.Length * 3 + 4, 10, 60), CustomWidth = true })),
            data);
        workbookPart.Workbook = new X.Workbook(new X.Sheets(new X.Sheet { Name = sheetName, SheetId = 1U, Id = workbookPart.GetIdOfPart(sheetPart) }));
    }

    private static X.Cell Text(int column, uint row, string text, uint style) =>
        new() { CellReference = Ref(column, row), DataType = X.CellValues.InlineString, StyleIndex = style, InlineString = new X.InlineString(new X.Text(text) { Space = SpaceProcessingModeValues.Preserve }) };

    private static string Ref(int column, uint row)
    {
        var letters = "";
        for (var c = column + 1; c > 0; c = (c - 1) / 26) letters = (char)('A' + (c - 1) % 26) + letters;
        return $"{letters}{row}";
    }
}
