using System.Globalization;
using DocumentFormat.OpenXml;
using X = DocumentFormat.OpenXml.Spreadsheet;

namespace ReportWorker.Forms;

/// <summary>The 填报表 worksheet: title, info line, note, header, one row per task, validation and protection.</summary>
internal static class FormSheet
{
    public static X.Worksheet Build(FormModel model, FormLayout layout, SharedStrings strings)
    {
        var columns = layout.Columns;
        var last = FormWriter.Letter(columns.Count);
        var headerRow = (uint)layout.HeaderRow;
        var firstData = headerRow + 1;
        var lastData = headerRow + (uint)Math.Max(1, model.Rows.Count);

        var data = new X.SheetData();
        data.Append(Row(1, 30, Text("A1", model.Title, strings, FormStyles.Title)));
        data.Append(Row(2, 22, Text("A2", model.Info, strings, FormStyles.Info)));
        data.Append(Row(3, 30, Text("A3", model.Note, strings, FormStyles.Note)));
        data.Append(Row(headerRow, 32, columns.Select((c, i) => Text($"{FormWriter.Letter(i + 1)}{headerRow}", c.Header, strings, FormStyles.Header)).ToArray()));

        var index = firstData;
        foreach (var task in model.Rows)
        {
            var cells = columns.Select((c, i) => Cell(c, $"{FormWriter.Letter(i + 1)}{index}", task, strings)).ToArray();
            data.Append(Row(index, EstimateHeight(task, layout), cells));
            index++;
        }

        var worksheet = new X.Worksheet(
            new X.SheetProperties(new X.PageSetupProperties { FitToPage = true }),
            new X.SheetViews(new X.SheetView(
                new X.Pane { VerticalSplit = headerRow, TopLeftCell = $"A{firstData}", ActivePane = X.PaneValues.BottomLeft, State = X.PaneStateValues.Frozen },
                new X.Selection { Pane = X.PaneValues.BottomLeft, ActiveCell = $"{FormWriter.Letter(layout.IndexOf("status"))}{firstData}", SequenceOfReferences = new ListValue<StringValue> { InnerText = $"{FormWriter.Letter(layout.IndexOf("status"))}{firstData}" } })
            { WorkbookViewId = 0U, TabSelected = true }),
            new X.SheetFormatProperties { DefaultRowHeight = 15 },
            new X.Columns(columns.Select((c, i) => new X.Column { Min = (uint)(i + 1), Max = (uint)(i + 1), Width = c.Width, CustomWidth = true })),
            data,
            // Locked cells stay locked, but people may still resize rows and columns to read long text.
            new X.SheetProtection { Sheet = true, Objects = true, Scenarios = true, FormatColumns = false, FormatRows = false, SelectLockedCells = false, SelectUnlockedCells = false },
            new X.MergeCells(
                new X.MergeCell { Reference = $"A1:{last}1" },
                new X.MergeCell { Reference = $"A2:{last}2" },
                new X.MergeCell { Reference = $"A3:{last}3" })
            { Count = 3U },
            Validations(layout, firstData, lastData),
            new X.PageMargins { Left = 0.4, Right = 0.4, Top = 0.6, Bottom = 0.6, Header = 0.3, Footer = 0.3 },
            new X.PageSetup { PaperSize = 9U, Orientation = X.OrientationValues.Landscape, FitToWidth = 1U, FitToHeight = 0U });
        return worksheet;
    }

    private static X.DataValidations Validations(FormLayout layout, uint first, uint last)
    {
        var status = FormWriter.Letter(layout.IndexOf("status"));
        var percent = FormWriter.Letter(layout.IndexOf("percent"));
        return new X.DataValidations(
            new X.DataValidation(new X.Formula1($"\"{string.Join(",", Ledger.ReportStatus.All)}\""))
            {
                Type = X.DataValidationValues.List, AllowBlank = true, ShowInputMessage = true, ShowErrorMessage = true,
                ErrorTitle = "状态不正确", Error = layout.StatusPrompt, PromptTitle = "状态", Prompt = layout.StatusPrompt,
                SequenceOfReferences = new ListValue<StringValue> { InnerText = $"{status}{first}:{status}{last}" },
            },
            new X.DataValidation(new X.Formula1("0"), new X.Formula2("100"))
            {
                Type = X.DataValidationValues.Decimal, Operator = X.DataValidationOperatorValues.Between, AllowBlank = true,
                ShowInputMessage = true, ShowErrorMessage = true, ErrorTitle = "完成进度不正确", Error = layout.PercentPrompt,
                PromptTitle = "完成进度（%）", Prompt = layout.PercentPrompt,
                SequenceOfReferences = new ListValue<StringValue> { InnerText = $"{percent}{first}:{percent}{last}" },
            })
        { Count = 2U };
    }

    private static X.Cell Cell(FormColumn column, string reference, FormRow task, SharedStrings strings)
    {
        var style = column.ReadOnly
            ? (column.Align == "center" ? FormStyles.ReadOnlyCenter : FormStyles.ReadOnlyLeft)
            : column.Key == "percent" ? FormStyles.InputNumber
            : column.Align == "center" ? FormStyles.InputCenter : FormStyles.InputLeft;
        if (column.Key == "percent")
            return task.Percent is { } p
                ? new X.Cell { CellReference = reference, StyleIndex = style, CellValue = new X.CellValue(p.ToString("0.##", CultureInfo.InvariantCulture)) }
                : new X.Cell { CellReference = reference, StyleIndex = style };
        var text = column.Key switch
        {
            "code" => task.Code, "category" => task.Category, "content" => task.Content, "role" => task.Role,
            "deadline" => task.Deadline, "status" => task.Status, "progress" => task.Progress,
            "problems" => task.Problems, "next" => task.NextSteps, _ => "",
        };
        return text.Length == 0 ? new X.Cell { CellReference = reference, StyleIndex = style } : Text(reference, text, strings, style);
    }

    /// <summary>A shared-string cell: text is never written as a formula, whatever it starts with.</summary>
    public static X.Cell Text(string reference, string text, SharedStrings strings, uint style) =>
        new() { CellReference = reference, DataType = X.CellValues.SharedString, StyleIndex = style, CellValue = new X.CellValue(strings.Add(text).ToString(CultureInfo.InvariantCulture)) };

    private static X.Row Row(uint index, double height, params X.Cell[] cells) =>
        new(cells) { RowIndex = index, Height = height, CustomHeight = true };

    // Excel does not grow row heights for wrapped text it did not lay out itself; estimate from the longest cell.
    private static double EstimateHeight(FormRow row, FormLayout layout)
    {
        var lines = 1;
        foreach (var column in layout.Columns)
        {
            var text = column.Key switch { "content" => row.Content, "progress" => row.Progress, "problems" => row.Problems, "next" => row.NextSteps, _ => "" };
            var perLine = Math.Max(4, (int)(column.Width / 2.1));
            lines = Math.Max(lines, (text.Length + perLine - 1) / perLine);
        }
        return Math.Min(409, Math.Max(30, 15 * lines + 6));
    }
}
