using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using ExcelDataReader;
using ReportWorker.Briefings;
using ReportWorker.Cli;
using ReportWorker.Ledger;
using ReportWorker.Registry;
using ReportWorker.Tests.Support;
using UglyToad.PdfPig;
using ReportWorker.Periods;

namespace ReportWorker.Tests.Briefings;

/// <summary>
/// The sample province through the real intake, then its March 月通报, against a count made another
/// way: straight from the sample files with a second spreadsheet library (ExcelDataReader), the
/// generator's own notes for which files are bad, and a separate reading of the deadlines.
/// </summary>
public sealed partial class SampleProvinceFiguresTests
{
    private static readonly ReportMonth March = new(2025, 3);

    static SampleProvinceFiguresTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    [Fact]
    public void Every_figure_of_the_march_notice_matches_an_independent_count_and_the_pdf_says_it()
    {
        var samples = DemoCommand.FindSamples()!;
        var expected = IndependentCount(samples);

        using var world = new TestWorld(start: new DateTimeOffset(2025, 1, 1, 9, 0, 0, TimeSpan.FromHours(8)));
        world.Get<UnitImporter>().Import(Path.Combine(samples, "units.xlsx"));
        world.Get<TaskImporter>().Import(Path.Combine(samples, "tasks.xlsx"), 2025);
        foreach (var (file, arrived, _) in Manifest(samples).OrderBy(m => m.Arrived))
        {
            world.Clock.SetUtcNow(arrived);
            world.Drop(Path.GetFileName(file), File.ReadAllBytes(Path.Combine(samples, "forms", file)));
            world.RunIntake();
        }
        world.SetLocalTime(2025, 4, 11, 9); // after the last (late) form of March
        var notice = world.Get<BriefingService>().Monthly(March, null, reissue: false);
        var f = notice.Figures;

        Assert.Equal(expected.Total, f.Overall.Total);
        Assert.Equal(expected.Closable, f.Overall.Closable);
        Assert.Equal(expected.ClosedToDate, f.Overall.ClosedToDate);
        Assert.Equal(expected.ClosedThisMonth, f.Overall.ClosedThisMonth);
        Assert.Equal(expected.Lagging, f.Overall.Lagging);
        Assert.Equal(expected.Overdue, f.Overall.Overdue);
        Assert.Equal(expected.Missing, f.Punctuality.Missing.Select(u => u.ShortName));
        Assert.Equal(expected.Late, f.Punctuality.Late.Select(u => u.ShortName).Order());
        Assert.Equal(expected.OnTime, f.Punctuality.OnTime.Count);

        using var pdf = PdfDocument.Open(notice.Document.Pdf);
        // The text as a reader copies it, pages joined without their page numbers (a sentence may run on to the next page).
        var text = string.Concat(pdf.GetPages().Select(p => Regex.Replace(string.Concat(p.Letters.Select(l => l.Value)), @"—\s*\d+\s*—\s*$", ""))).Replace(" ", "");
        Assert.Contains($"年度任务清单共{expected.Total}项", text);
        Assert.Contains($"累计销号{expected.ClosedToDate}项，本月销号{expected.ClosedThisMonth}项", text);
        Assert.Contains($"滞后或未启动{expected.Lagging}项，逾期未完成{expected.Overdue}项", text);
        Assert.Contains($"按时报送{expected.OnTime}个", text);
        Assert.Contains($"未报送{expected.Missing.Count}个（{string.Join("、", expected.Missing)}）", text);
    }

    private sealed record Expected(int Total, int Closable, int ClosedToDate, int ClosedThisMonth, int Lagging, int Overdue, int OnTime, IReadOnlyList<string> Late, IReadOnlyList<string> Missing);

    private static Expected IndependentCount(string samples)
    {
        var units = Rows(Path.Combine(samples, "units.xlsx")).Skip(1)
            .Select(r => (Code: r[1]!.ToString()!, Short: r[3]!.ToString()!, Alias: r[4]?.ToString() ?? "")).ToArray();
        string CodeOf(string name) => units.Single(u => u.Short == name || u.Alias == name).Code;
        var tasks = Rows(Path.Combine(samples, "tasks.xlsx")).Skip(1).Where(r => r[0] is not null)
            .Select(r => (Code: r[0]!.ToString()!, Lead: CodeOf(r[3]!.ToString()!), Deadline: Deadline(r[5]))).ToArray();

        // The forms in force: per unit and month, the last good file to arrive (the generator marks the bad ones).
        var inForce = Manifest(samples).Where(m => !m.Note.StartsWith("bad", StringComparison.Ordinal))
            .Select(m => (m.File, m.Arrived, Form: ReadForm(Path.Combine(samples, "forms", m.File))))
            .GroupBy(x => (x.Form.Unit, x.Form.Month)).Select(g => g.OrderBy(x => x.Arrived).Last()).ToArray();

        var status = new Dictionary<(string Task, int Month), string>();
        foreach (var (_, _, form) in inForce)
            foreach (var (code, s) in form.Rows)
                if (tasks.Single(t => t.Code == code).Lead == form.Unit) status[(code, form.Month)] = s;

        int closedToDate = 0, closedThisMonth = 0, lagging = 0, overdue = 0;
        foreach (var t in tasks)
        {
            var months = Enumerable.Range(1, 3).Where(m => status.ContainsKey((t.Code, m))).ToArray();
            var firstDone = months.Cast<int?>().FirstOrDefault(m => status[(t.Code, m!.Value)] == "已完成");
            if (firstDone is not null) { closedToDate++; if (firstDone == 3) closedThisMonth++; continue; }
            if (months.Length > 0 && status[(t.Code, months.Max())] is "滞后" or "未启动") lagging++;
            if (t.Deadline is { } d && d <= new DateOnly(2025, 3, 31)) overdue++;
        }

        var due = new DateTimeOffset(2025, 4, 7, 17, 0, 0, TimeSpan.FromHours(8)); // 5 April is in the 清明 holiday
        var march = inForce.Where(x => x.Form.Month == 3).ToArray();
        var reported = march.Select(x => x.Form.Unit).ToHashSet();
        var missing = units.Where(u => !reported.Contains(u.Code)).Select(u => u.Short).ToArray();
        var late = march.Where(x => x.Arrived > due).Select(x => units.Single(u => u.Code == x.Form.Unit).Short).Order().ToArray();
        return new Expected(tasks.Length, tasks.Count(t => t.Deadline is not null), closedToDate, closedThisMonth, lagging, overdue,
            march.Length - late.Length, late, missing);
    }

    private static (string Unit, int Month, List<(string Code, string Status)> Rows) ReadForm(string path)
    {
        var rows = Rows(path);
        var info = rows[1][0]!.ToString()!;
        var unit = UnitCode().Match(info).Groups[1].Value;
        var month = int.Parse(MonthNumber().Match(info).Groups[1].Value, CultureInfo.InvariantCulture);
        var header = Array.FindIndex(rows, r => r[0]?.ToString() == "任务编号");
        var status = Array.IndexOf(rows[header], "状态");
        return (unit, month, rows.Skip(header + 1).Where(r => r[0] is not null).Select(r => (r[0]!.ToString()!, r[status]?.ToString()?.Trim() ?? "")).ToList());
    }

    private static object?[][] Rows(string path)
    {
        using var stream = File.OpenRead(path);
        using var reader = ExcelReaderFactory.CreateReader(stream);
        var rows = new List<object?[]>();
        while (reader.Read()) rows.Add(Enumerable.Range(0, reader.FieldCount).Select(reader.GetValue).ToArray());
        return [.. rows];
    }

    private static IEnumerable<(string File, DateTimeOffset Arrived, string Note)> Manifest(string samples) =>
        File.ReadLines(Path.Combine(samples, "manifest.csv")).Skip(1).Where(l => l.Length > 0).Select(l => l.Split(','))
            .Select(p => (p[1], DateTimeOffset.Parse(p[2], CultureInfo.InvariantCulture), p.Length > 3 ? p[3] : ""));

    /// <summary>The sample list's deadline forms, read without the worker's parser.</summary>
    private static DateOnly? Deadline(object? cell)
    {
        if (cell is DateTime dt) return DateOnly.FromDateTime(dt);
        var s = cell?.ToString() ?? "";
        if (s is "长期坚持" or "常态化" or "持续推进") return null;
        if (s == "上半年") return new DateOnly(2025, 6, 30);
        if (s == "年底") return new DateOnly(2025, 12, 31);
        var ymd = Regex.Match(s, @"^2025[-/年](\d{1,2})[-/月](\d{1,2})日?$");
        if (ymd.Success) return new DateOnly(2025, int.Parse(ymd.Groups[1].Value, CultureInfo.InvariantCulture), int.Parse(ymd.Groups[2].Value, CultureInfo.InvariantCulture));
        var ym = Regex.Match(s, @"^2025年(\d{1,2})月底?$");
        if (ym.Success) { var m = int.Parse(ym.Groups[1].Value, CultureInfo.InvariantCulture); return new DateOnly(2025, m, DateTime.DaysInMonth(2025, m)); }
        throw new InvalidDataException($"unexpected deadline '{s}'");
    }

    [GeneratedRegex(@"单位代码：(U\d+)")] private static partial Regex UnitCode();
    [GeneratedRegex(@"报告月份：2025年(\d{1,2})月")] private static partial Regex MonthNumber();
}
