using System.Text.RegularExpressions;
using Dapper;

namespace ReportWorker.Tests.Demo;

/// <summary>`demo` on a fresh data folder, twice, through the real executable (<see cref="DemoRun"/>).</summary>
public sealed partial class DemoTests(DemoRun run) : IClassFixture<DemoRun>
{
    private static readonly string[] Year = [.. Enumerable.Range(1, 12).Select(m => $"2025-{m:D2}")];

    [Fact]
    public void Demo_leaves_ledger_archive_and_receipts_and_a_second_run_duplicates_nothing()
    {
        var expectedFiles = run.Arrivals.Count;

        Assert.True(run.First.ExitCode == 0, run.First.Error);
        Assert.Contains($"收取 {expectedFiles} 份文件", run.First.Output);
        var answers = Directory.GetFiles(run.Outbox, "*.eml").Count(f => f.Contains("-receipt-") || f.Contains("-rejection"));
        Assert.True(run.Second.ExitCode == 0, run.Second.Error);
        Assert.Contains("所有示例报表此前都已收取", run.Second.Output);

        Assert.Equal(expectedFiles, answers);                       // one answer per file received
        Assert.Equal(4, Directory.GetFiles(run.Outbox, "*-quarterly-notice.eml").Length); // one 季督办 a quarter
        // Each month: the leaders' copy, and the circular to the 40 units with every liaison in Bcc once (500 to a message).
        var notices = Directory.GetFiles(run.Outbox, "*-monthly-notice*.eml").Select(f => MimeKit.MimeMessage.Load(f)).GroupBy(m => m.Subject).ToArray();
        Assert.Equal(12, notices.Length);
        foreach (var month in notices)
        {
            var liaisons = month.SelectMany(m => m.Bcc.Mailboxes).Select(a => a.Address).ToArray();
            Assert.Single(month, m => m.To.Mailboxes.Any(a => a.Address == "shuji@example.gov.cn"));
            Assert.Equal(liaisons.Length, liaisons.Distinct().Count());
            Assert.True(liaisons.Length >= 40, $"{month.Key}: {liaisons.Length} liaisons");
            Assert.Equal(1 + (liaisons.Length + 499) / 500, month.Count());
        }
        Assert.True(File.Exists(Path.Combine(run.Data, "briefings", "2025-03", "2025-03-月通报.pdf")));
        Assert.Equal(run.OutboxAfterFirst, Directory.GetFiles(run.Outbox, "*.eml").Length);
        Assert.Equal(expectedFiles, Directory.GetFiles(Path.Combine(run.Data, "archive"), "*", SearchOption.AllDirectories).Length);
        using var c = run.Ledger();
        Assert.Equal(expectedFiles, c.ExecuteScalar<long>("SELECT COUNT(*) FROM received_files"));
        Assert.Equal(40, c.ExecuteScalar<long>("SELECT COUNT(*) FROM units"));
        Assert.Equal(298, c.ExecuteScalar<long>("SELECT COUNT(*) FROM tasks"));
        // Each sample the manifests mark bad gets one rejection that names the file and says what is wrong,
        // where: the rows and columns are found in the sample itself, read with a second library. From
        // February on a unit's first form is bad each month, and in February a PDF renamed .xlsx arrives.
        var rejections = Directory.GetFiles(run.Outbox, "*-rejection*.eml")
            .Select(f => MimeKit.MimeMessage.Load(f, TestContext.Current.CancellationToken).TextBody ?? "").ToArray();
        var bad = run.Arrivals.Where(a => a.Note.StartsWith("bad:", StringComparison.Ordinal)).ToArray();
        Assert.Equal(12, bad.Length);
        Assert.Equal(bad.Length, c.ExecuteScalar<long>("SELECT COUNT(*) FROM received_files WHERE outcome <> 'accepted'"));
        Assert.Equal(bad.Length, rejections.Length);
        Assert.Equal(11, Directory.GetFiles(run.Outbox, "*-rejection-U*.eml").Length); // the PDF renamed .xlsx has no unit: its answer goes to the office
        foreach (var (folder, file, note) in bad)
        {
            var name = Path.GetFileName(file);
            var text = Assert.Single(rejections, t => t.Contains($"报送的文件“{name}”"));
            Assert.Equal(SampleProblems.Expected(Path.Combine(folder, "forms", file), note), SampleProblems.Numbered(text));
        }
    }

    /// <summary>
    /// The ledger the annual assessment is made from: every month of 2025 reported (one unit missing and four late
    /// each month), every 月通报 and 季督办 of the year issued, and a handful of dated tasks still open after
    /// December's reports, which carry over into 2026.
    /// </summary>
    [Fact]
    public void Demo_ledger_ends_2025_with_twelve_months_of_reports_and_some_dated_tasks_still_open()
    {
        Assert.True(run.First.ExitCode == 0, run.First.Error);
        using var c = run.Ledger();

        var months = c.Query<(string Month, long InForce, long Late)>(
            "SELECT month, COUNT(*), SUM(late) FROM submissions WHERE superseded_by IS NULL GROUP BY month ORDER BY month").ToArray();
        Assert.Equal(Year, months.Select(m => m.Month));
        Assert.All(months, m => Assert.Equal((m.Month, 39L, 4L), m));
        var missing = Year.Select(m => c.ExecuteScalar<string>("SELECT code FROM units WHERE code NOT IN (SELECT unit_code FROM submissions WHERE month = @m)", new { m })).ToArray();
        Assert.True(missing.Distinct().Count() >= 10, $"the unit that sends nothing varies: {string.Join(" ", missing)}");

        var briefings = c.Query<(string Kind, string Period, long IssueNo)>("SELECT kind, period, issue_no FROM briefings WHERE version = 1 ORDER BY kind, period").ToArray();
        Assert.Equal(Year.Select((m, i) => ("monthly", m, i + 1L)), briefings.Where(b => b.Kind == "monthly"));
        Assert.Equal(["2025Q1", "2025Q2", "2025Q3", "2025Q4"], briefings.Where(b => b.Kind == "quarterly").Select(b => b.Period));

        // Open at the end of the year, counted straight from the ledger: a dated task whose lead unit never
        // reported it 已完成 in a report in force.
        var dated = c.ExecuteScalar<long>("SELECT COUNT(*) FROM tasks WHERE year = 2025 AND deadline IS NOT NULL");
        var open = c.ExecuteScalar<long>("""
            SELECT COUNT(*) FROM tasks t WHERE t.year = 2025 AND t.deadline IS NOT NULL AND NOT EXISTS (
              SELECT 1 FROM entries e JOIN submissions s ON s.id = e.submission_id
              WHERE e.task_id = t.id AND s.unit_code = t.lead_unit AND s.superseded_by IS NULL AND s.month LIKE '2025-%' AND e.status = '已完成')
            """);
        Assert.InRange(open, Math.Ceiling(dated * 0.05), Math.Floor(dated * 0.10));

        // The worker carries exactly those into 2026, and the demo's December ledger shows them overdue.
        var tasks = run.Run("tasks", "--month", "2026-01");
        Assert.True(tasks.ExitCode == 0, tasks.Error);
        Assert.Equal(open, long.Parse(CarriedOver().Match(tasks.Output).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Contains($"上年未销号的 {open} 项任务作为上年结转列入", run.First.Output);
        Assert.Contains($"其中逾期 {open}、", run.First.Output);
    }

    [GeneratedRegex(@"上年结转 (\d+) 项")] private static partial Regex CarriedOver();
}
