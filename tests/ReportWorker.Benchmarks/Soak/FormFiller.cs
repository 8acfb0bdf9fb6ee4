using System.Text.RegularExpressions;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using ReportWorker.Forms;
using ReportWorker.Ledger;
using ReportWorker.Periods;
using X = DocumentFormat.OpenXml.Spreadsheet;

namespace ReportWorker.Benchmarks.Soak;

/// <summary>
/// Fills a form the worker sent, as a liaison typing into Excel would: the white columns of every task row
/// on the 填报表 sheet (status, percent, progress, problems, next steps), nothing else. What each task reports
/// is decided by its code and the month only, so every run fills the same answers: most tasks on schedule and
/// closing around their deadline, about one in ten lagging, a few not started until July.
/// </summary>
internal static partial class FormFiller
{
    private static readonly string[] Going = ["已制定工作方案并召开部署会，各支部按计划推进。", "本月组织专题学习1次、督导检查2次，工作按序时推进。", "完成阶段性任务，形成工作台账，正在推进下一阶段工作。"];
    private static readonly string[] Behind = ["受人员调整影响，方案报批晚于计划。", "涉及多个部门协调，配合单位意见尚未反馈。", "前期调研不够充分，方案需要修改完善。"];
    private static readonly string[] Next = ["下月召开推进会，确保按期完成。", "加强与配合单位沟通，下月底前完成方案报批。", "按计划推进，月底前完成阶段总结。"];
    private const string Done = "已按计划全部完成，形成工作总结并报工委备案。";

    public static byte[] Fill(byte[] form, FormLayout layout, ReportMonth month)
    {
        using var stream = new MemoryStream();
        stream.Write(form);
        using (var document = SpreadsheetDocument.Open(stream, true))
        {
            var workbook = document.WorkbookPart!;
            var sheet = workbook.Workbook!.Sheets!.Elements<X.Sheet>().First(s => s.Name == layout.SheetName);
            var data = ((WorksheetPart)workbook.GetPartById(sheet.Id!)).Worksheet!.GetFirstChild<X.SheetData>()!;
            var strings = workbook.SharedStringTablePart?.SharedStringTable.Elements<X.SharedStringItem>().Select(s => s.InnerText).ToArray() ?? [];
            string Column(string key) => Letter(layout.IndexOf(key));
            foreach (var row in data.Elements<X.Row>().Where(r => r.RowIndex!.Value > layout.HeaderRow).ToArray())
            {
                var n = row.RowIndex!.Value;
                var code = Text(row, $"{Column("code")}{n}", strings);
                if (code.Length == 0) continue;
                var (status, percent, progress, problems, next) = Answer(code, Text(row, $"{Column("deadline")}{n}", strings), month);
                Set(row, $"{Column("status")}{n}", status);
                Set(row, $"{Column("percent")}{n}", percent);
                Set(row, $"{Column("progress")}{n}", progress);
                Set(row, $"{Column("problems")}{n}", problems);
                Set(row, $"{Column("next")}{n}", next);
            }
            document.Save();
        }
        return stream.ToArray();
    }

    /// <summary>One task's answer for the month. A dated task closes in its deadline month or up to two months later.</summary>
    private static (string, double, string, string, string) Answer(string code, string deadline, ReportMonth month)
    {
        var hash = Fnv(code);
        var risk = hash % 100;
        var pick = (int)(hash / 100 % 3);
        var due = DeadlineMonth(deadline);
        var closesIn = due is { } d ? d.Year * 12 + d.Month + (int)(hash / 300 % 3) : int.MaxValue;
        var now = month.Year * 12 + month.Month;
        var elapsed = now - 2025 * 12; // months since December 2024
        var share = due is null ? Math.Min(90, elapsed * 8 + 10) : Math.Clamp(100.0 * elapsed / Math.Max(1, closesIn - 2025 * 12), 5, 95);
        if (risk < 4 && month < new ReportMonth(2025, 7))
            return (ReportStatus.NotStarted, 0, "", Behind[pick], Next[pick]);
        if (risk < 12)
            return (ReportStatus.Lagging, Math.Round(share / 2), Going[pick], Behind[pick], Next[pick]);
        if (now >= closesIn)
            return (ReportStatus.Completed, 100, Done, "", "");
        return (ReportStatus.OnSchedule, Math.Round(share), Going[pick], "", Next[pick]);
    }

    private static ReportMonth? DeadlineMonth(string text) =>
        DeadlinePattern().Match(text) is { Success: true } m ? new ReportMonth(int.Parse(m.Groups[1].Value), int.Parse(m.Groups[2].Value)) : null;

    [GeneratedRegex(@"(20\d\d)\s*[年\-/.]\s*(\d{1,2})")] private static partial Regex DeadlinePattern();

    // A stable hash: string.GetHashCode differs between runs.
    private static uint Fnv(string text)
    {
        var h = 2166136261u;
        foreach (var c in text) h = (h ^ c) * 16777619u;
        return h;
    }

    private static string Text(X.Row row, string reference, string[] strings)
    {
        var cell = row.Elements<X.Cell>().FirstOrDefault(c => c.CellReference == reference);
        if (cell is null) return "";
        if (cell.DataType?.Value == X.CellValues.SharedString) return strings[int.Parse(cell.CellValue!.Text)].Trim();
        return (cell.InlineString?.InnerText ?? cell.CellValue?.Text ?? "").Trim();
    }

    private static void Set(X.Row row, string reference, string text) =>
        Cell(row, reference, c => { c.DataType = X.CellValues.InlineString; c.CellValue = null; c.CellFormula = null; c.InlineString = new X.InlineString(new X.Text(text) { Space = SpaceProcessingModeValues.Preserve }); });

    private static void Set(X.Row row, string reference, double value) =>
        Cell(row, reference, c => { c.DataType = null; c.InlineString = null; c.CellFormula = null; c.CellValue = new X.CellValue(value); });

    private static void Cell(X.Row row, string reference, Action<X.Cell> change)
    {
        var cell = row.Elements<X.Cell>().FirstOrDefault(c => c.CellReference == reference);
        if (cell is null)
        {
            cell = new X.Cell { CellReference = reference };
            var after = row.Elements<X.Cell>().LastOrDefault(c => string.CompareOrdinal(c.CellReference!.Value!.PadLeft(6), reference.PadLeft(6)) < 0);
            if (after is null) row.PrependChild(cell); else after.InsertAfterSelf(cell);
        }
        change(cell);
    }

    private static string Letter(int column) => column <= 26 ? ((char)('A' + column - 1)).ToString() : Letter((column - 1) / 26) + (char)('A' + (column - 1) % 26);
}
