using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.CustomProperties;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.VariantTypes;
using X = DocumentFormat.OpenXml.Spreadsheet;

namespace ReportWorker.Forms;

/// <summary>
/// Draws a monthly form as an .xlsx: a protected 填报表 sheet whose white columns are the only
/// editable cells, a status dropdown and a 0–100 check, an instructions sheet, and the unit and month
/// stored three ways (hidden sheet, document properties, the visible info line) so that a renamed
/// or re-saved file is still recognised. No I/O besides the stream it is given.
/// </summary>
public static class FormWriter
{
    public const string UnitProperty = "ReportWorker.Unit";
    public const string MonthProperty = "ReportWorker.Month";
    public const string VersionProperty = "ReportWorker.FormVersion";

    public static void Write(Stream stream, FormModel model, FormLayout layout) =>
        Spreadsheets.ZipTimestamps.WriteNormalized(stream, s => WritePackage(s, model, layout));

    private static void WritePackage(Stream stream, FormModel model, FormLayout layout)
    {
        using var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook);
        // Explicit relationship ids: the SDK would draw random ones, and the same form must give the same bytes.
        var workbookPart = document.AddNewPart<WorkbookPart>("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml", "rIdWorkbook");
        var strings = new SharedStrings();
        var stylesPart = workbookPart.AddNewPart<WorkbookStylesPart>("rIdStyles");
        stylesPart.Stylesheet = FormStyles.Create();

        var formPart = workbookPart.AddNewPart<WorksheetPart>("rIdForm");
        formPart.Worksheet = FormSheet.Build(model, layout, strings);
        var instructionsPart = workbookPart.AddNewPart<WorksheetPart>("rIdInstructions");
        instructionsPart.Worksheet = InstructionsSheet(model.Instructions, strings);
        var metaPart = workbookPart.AddNewPart<WorksheetPart>("rIdMeta");
        metaPart.Worksheet = MetaSheet(model, layout, strings);

        var lastRow = layout.HeaderRow + Math.Max(1, model.Rows.Count);
        workbookPart.Workbook = new X.Workbook(
            new X.BookViews(new X.WorkbookView { ActiveTab = 0U }),
            new X.Sheets(
                new X.Sheet { Name = layout.SheetName, SheetId = 1U, Id = workbookPart.GetIdOfPart(formPart) },
                new X.Sheet { Name = layout.InstructionsSheetName, SheetId = 2U, Id = workbookPart.GetIdOfPart(instructionsPart) },
                new X.Sheet { Name = FormLayout.MetaSheetName, SheetId = 3U, Id = workbookPart.GetIdOfPart(metaPart), State = X.SheetStateValues.VeryHidden }),
            new X.DefinedNames(
                new X.DefinedName($"'{layout.SheetName}'!$A$1:${Letter(layout.Columns.Count)}${lastRow}") { Name = "_xlnm.Print_Area", LocalSheetId = 0U },
                new X.DefinedName($"'{layout.SheetName}'!${layout.HeaderRow}:${layout.HeaderRow}") { Name = "_xlnm.Print_Titles", LocalSheetId = 0U }));

        var sstPart = workbookPart.AddNewPart<SharedStringTablePart>("rIdStrings");
        sstPart.SharedStringTable = strings.ToTable();

        var custom = document.AddNewPart<CustomFilePropertiesPart>("rIdCustom");
        custom.Properties = new Properties(
            Property(2, UnitProperty, model.UnitCode),
            Property(3, MonthProperty, model.Month),
            Property(4, VersionProperty, layout.FormVersion.ToString(System.Globalization.CultureInfo.InvariantCulture)));

        var core = document.AddNewPart<CoreFilePropertiesPart>("rIdCore");
        using (var writer = new StreamWriter(core.GetStream(FileMode.Create)))
            writer.Write($"""
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>{System.Security.SecurityElement.Escape(model.Title)}</dc:title><dc:creator>ReportWorker</dc:creator></cp:coreProperties>
                """);
    }

    private static CustomDocumentProperty Property(int id, string name, string value) =>
        new(new VTLPWSTR(value)) { FormatId = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}", PropertyId = id, Name = name };

    private static X.Worksheet InstructionsSheet(IReadOnlyList<string> lines, SharedStrings strings)
    {
        var data = new X.SheetData();
        for (var i = 0; i < lines.Count; i++)
            data.Append(new X.Row(FormSheet.Text($"A{i + 1}", lines[i], strings, i == 0 ? FormStyles.Title : FormStyles.Instruction)) { RowIndex = (uint)(i + 1) });
        return new X.Worksheet(
            new X.SheetViews(new X.SheetView { WorkbookViewId = 0U, ShowGridLines = false }),
            new X.Columns(new X.Column { Min = 1U, Max = 1U, Width = 110, CustomWidth = true }),
            data);
    }

    private static X.Worksheet MetaSheet(FormModel model, FormLayout layout, SharedStrings strings)
    {
        (string Key, string Value)[] pairs =
        [
            ("unit", model.UnitCode), ("month", model.Month),
            ("form_version", layout.FormVersion.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("tasks", string.Join(",", model.Rows.Select(r => r.Code))),
        ];
        var data = new X.SheetData();
        for (var i = 0; i < pairs.Length; i++)
            data.Append(new X.Row(FormSheet.Text($"A{i + 1}", pairs[i].Key, strings, 0), FormSheet.Text($"B{i + 1}", pairs[i].Value, strings, 0)) { RowIndex = (uint)(i + 1) });
        return new X.Worksheet(data, new X.SheetProtection { Sheet = true, Objects = true, Scenarios = true });
    }

    internal static string Letter(int column)
    {
        var letters = "";
        while (column > 0) { var r = (column - 1) % 26; letters = (char)('A' + r) + letters; column = (column - 1) / 26; }
        return letters;
    }
}
