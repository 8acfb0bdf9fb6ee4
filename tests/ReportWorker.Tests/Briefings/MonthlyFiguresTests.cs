using ReportWorker.Briefings;
using ReportWorker.Ledger;
using ReportWorker.Registry;
using ReportWorker.Periods;
using ReportWorker.Tests.Support;

namespace ReportWorker.Tests.Briefings;

/// <summary>A hand-made ledger whose expected figures are worked out in the comments.</summary>
public sealed class MonthlyFiguresTests
{
    private static readonly ReportMonth Jan = new(2025, 1), Feb = new(2025, 2), Mar = new(2025, 3);
    private static readonly Dictionary<string, string> Categories = new() { ["A"] = "突出政治建设", ["B"] = "围绕封关运作", ["C"] = "围绕高质量发展", ["D"] = "围绕高水平对外开放", ["E"] = "围绕民生", ["F"] = "围绕社会治理" };

    private static readonly Unit[] Units =
    [
        new("U01", "中共海南省委办公厅", "省委办公厅", [], [], 1),
        new("U02", "海南省审计厅", "省审计厅", [], [], 2),
        new("U03", "中华人民共和国海口海关", "海口海关", [], [], 3),
        new("U04", "海南省统计局", "省统计局", [], [], 4), // leads and shares nothing
    ];

    private static TaskItem T(string code, string lead, DateOnly? deadline) =>
        new(code, code[..1], "任务", lead, [], deadline, deadline?.ToString("yyyy-MM-dd") ?? "长期坚持", deadline is null ? TaskItem.Routine : TaskItem.AnnualKey) { Id = TaskIds.Of(code) };

    private static readonly TaskItem[] Tasks =
    [
        T("A-001", "U01", null), T("A-002", "U01", new(2025, 3, 31)), T("F-001", "U01", new(2025, 9, 30)),
        T("C-001", "U02", new(2025, 2, 28)), T("C-002", "U02", new(2025, 12, 31)),
        T("B-001", "U03", new(2025, 6, 30)), T("E-001", "U03", null),
    ];

    private static (ReportMonth, string, ReportEntry) E(ReportMonth m, string unit, string code, string status) =>
        (m, unit, new ReportEntry(TaskIds.Of(code), code, status, status == ReportStatus.Completed ? 100 : 40, "", "", ""));

    private static readonly (ReportMonth, string, ReportEntry)[] Entries =
    [
        E(Jan, "U01", "A-001", ReportStatus.OnSchedule), E(Jan, "U01", "A-002", ReportStatus.OnSchedule), E(Jan, "U01", "F-001", ReportStatus.NotStarted),
        E(Jan, "U02", "C-001", ReportStatus.OnSchedule), E(Jan, "U02", "C-002", ReportStatus.OnSchedule),
        E(Jan, "U03", "B-001", ReportStatus.Lagging), E(Jan, "U03", "E-001", ReportStatus.OnSchedule),
        E(Feb, "U01", "A-001", ReportStatus.OnSchedule), E(Feb, "U01", "A-002", ReportStatus.Completed), E(Feb, "U01", "F-001", ReportStatus.NotStarted),
        E(Feb, "U02", "C-001", ReportStatus.Lagging), E(Feb, "U02", "C-002", ReportStatus.OnSchedule),
        // U03 reports nothing in February or March.
        E(Mar, "U01", "A-001", ReportStatus.OnSchedule), E(Mar, "U01", "A-002", ReportStatus.Completed), E(Mar, "U01", "F-001", ReportStatus.Lagging),
        E(Mar, "U02", "C-001", ReportStatus.Completed), E(Mar, "U02", "C-002", ReportStatus.OnSchedule),
    ];

    private static readonly Submission[] MarchSubmissions =
    [
        new(1, 1, "U01", "2025-03", DateTimeOffset.UnixEpoch, Late: false, null),
        new(2, 2, "U02", "2025-03", DateTimeOffset.UnixEpoch, Late: true, null),
    ];

    private static MonthlyFigures For(ReportMonth month) =>
        MonthlyFiguresCalculator.Compute(month, Units, Tasks, Entries.Where(e => e.Item1 <= month).ToArray(), month == Mar ? MarchSubmissions : [], Categories);

    [Fact]
    public void Overall_counts_for_march()
    {
        var o = For(Mar).Overall;
        Assert.Equal(7, o.Total);
        Assert.Equal(5, o.Closable);          // all but the two standing tasks A-001, E-001
        Assert.Equal(1, o.ClosedThisMonth);   // C-001
        Assert.Equal(2, o.ClosedToDate);      // A-002 (February), C-001
        Assert.Equal(3, o.OnSchedule);        // A-001, C-002, E-001 (its last report, January)
        Assert.Equal(2, o.Lagging);           // F-001 (March), B-001 (last report, January)
        Assert.Equal(0, o.Overdue);           // C-001 was overdue in February but closed in March
        Assert.Equal(2, o.NotReported);       // B-001, E-001: 海口海关 did not report
        Assert.Equal(40.0, o.CompletionRate); // 2 of 5
    }

    [Fact]
    public void February_has_an_overdue_task_and_three_lagging()
    {
        var f = For(Feb);
        Assert.Equal(["C-001"], f.Overdue.Select(s => s.Task.Code));
        Assert.Equal(["B-001", "C-001", "F-001"], f.Lagging.Select(s => s.Task.Code).Order());
        Assert.Equal(1, f.Overall.ClosedThisMonth);
    }

    [Fact]
    public void Categories_count_their_own_tasks_and_skip_empty_ones()
    {
        var categories = For(Mar).Categories.ToDictionary(c => c.Code);
        Assert.Equal(["A", "B", "C", "E", "F"], categories.Keys);
        Assert.Equal(100.0, categories["A"].Counts.CompletionRate); // A-002 of the one closable A task
        Assert.Equal(50.0, categories["C"].Counts.CompletionRate);
        Assert.Equal(0, categories["E"].Counts.Closable);
    }

    [Fact]
    public void Units_are_ranked_by_completion_then_overdue_then_lagging_and_idle_units_are_unranked()
    {
        var units = For(Mar).Units;
        Assert.Equal(["U02", "U01", "U03", "U04"], units.Select(u => u.Unit.Code));
        Assert.Equal([1, 2, 3, 0], units.Select(u => u.Rank));   // U01 and U02 both 50 %; U01 has a lagging task
        Assert.Equal(50.0, units[0].Counts.CompletionRate);
        Assert.Equal(SubmissionState.NothingToReport, units[3].Submission);
    }

    [Fact]
    public void Punctuality_names_who_was_on_time_late_and_missing()
    {
        var p = For(Mar).Punctuality;
        Assert.Equal(["U01"], p.OnTime.Select(u => u.Code));
        Assert.Equal(["U02"], p.Late.Select(u => u.Code));
        Assert.Equal(["U03"], p.Missing.Select(u => u.Code));
    }
}
