using System.Text.RegularExpressions;
using ReportWorker.Registry;
using ReportWorker.Spreadsheets;
using ReportWorker.Text;

namespace ReportWorker.Forms;

/// <summary>
/// Finds the form inside a workbook or CSV, whoever saved it last: the sheet with the task header
/// (columns found by their header text, so a re-ordered or re-saved sheet still reads), and the unit
/// and month from the hidden sheet, the document properties, or the visible info line.
/// </summary>
public static partial class ReturnedFormReader
{
    public static ReturnedForm? Read(Workbook workbook, FormLayout layout)
    {
        var specs = layout.Columns.Select(c => new ColumnSpec(c.Key, c.Header, c.Key is "code" or "status" or "percent",
            c.Key switch
            {
                "code" => [c.Header, "任务编号", "编号"],
                "status" => [c.Header, "状态", "完成状态"],
                "percent" => [c.Header, "完成进度", "进度", "完成进度%", "完成比例"],
                "progress" => [c.Header, "进展情况"],
                "problems" => [c.Header, "存在问题"],
                "next" => [c.Header, "下步计划", "下一步计划"],
                _ => [c.Header],
            })).ToArray();

        var candidates = workbook.Sheets.Where(s => !s.Hidden).Select(s => (Sheet: s, Map: HeaderMap.Find(s, specs)))
            .Where(x => x.Map is not null && x.Map.ColumnOf("code") is not null && x.Map.ColumnOf("status") is not null)
            .OrderByDescending(x => x.Sheet.Name == layout.SheetName).ToArray();
        if (candidates.Length == 0) return null;
        var (sheet, map) = (candidates[0].Sheet, candidates[0].Map!);

        var (unit, month) = Identity(workbook, sheet, map.HeaderRow);
        var rows = new List<ReturnedRow>();
        foreach (var row in sheet.Rows.Where(r => r.Number > map.HeaderRow && !r.IsBlank))
            rows.Add(new ReturnedRow(row.Number,
                TextNormalizer.Narrow(map.Text(row, "code")).ToUpperInvariant(),
                map.Text(row, "status"),
                map.Cell(row, "percent"),
                map.Text(row, "progress"), map.Text(row, "problems"), map.Text(row, "next")));
        var names = specs.Where(s => map.ColumnOf(s.Key) is not null).ToDictionary(s => s.Key, s => map.Describe(s));
        foreach (var s in specs.Where(s => map.ColumnOf(s.Key) is null)) names[s.Key] = s.Display;
        return new ReturnedForm(sheet.Name, unit, month, rows, names);
    }

    private static (string? Unit, string? Month) Identity(Workbook workbook, Sheet sheet, int headerRow)
    {
        string? unit = null, month = null;
        if (workbook.FindSheet(FormLayout.MetaSheetName) is { } meta)
            foreach (var row in meta.Rows)
            {
                if (row.Text(1) == "unit") unit ??= TextNormalizer.Clean(row.Text(2));
                if (row.Text(1) == "month") month ??= TextNormalizer.Clean(row.Text(2));
            }
        unit ??= workbook.Properties.GetValueOrDefault(FormWriter.UnitProperty);
        month ??= workbook.Properties.GetValueOrDefault(FormWriter.MonthProperty);
        // A CSV export or a copy pasted into a new workbook keeps only the visible info line.
        foreach (var row in sheet.Rows.Where(r => r.Number < headerRow))
            foreach (var cell in row.Cells.Values)
            {
                var text = TextNormalizer.Narrow(cell.Text);
                if (unit is null && UnitPattern().Match(text) is { Success: true } u) unit = u.Groups[1].Value;
                if (month is null && MonthPattern().Match(text) is { Success: true } m) month = m.Groups[1].Value;
            }
        return (string.IsNullOrWhiteSpace(unit) ? null : TextNormalizer.Narrow(unit).ToUpperInvariant(), string.IsNullOrWhiteSpace(month) ? null : month);
    }

    [GeneratedRegex(@"单位代码[:：]([A-Za-z0-9_-]+)")] private static partial Regex UnitPattern();
    [GeneratedRegex(@"报告月份[:：](\d{4}年\d{1,2}月|\d{4}-\d{1,2})")] private static partial Regex MonthPattern();
}
