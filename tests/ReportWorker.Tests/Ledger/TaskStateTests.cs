using ReportWorker.Ledger;
using ReportWorker.Registry;
using ReportWorker.Periods;
using ReportWorker.Tests.Support;

namespace ReportWorker.Tests.Ledger;

public sealed class TaskStateTests
{
    private static readonly ReportMonth Jan = new(2025, 1), Feb = new(2025, 2), Mar = new(2025, 3);

    private static TaskItem Task(string code, DateOnly? deadline, string lead = "U01", params string[] co) =>
        new(code, code[..1], "任务", lead, co, deadline, deadline?.ToString("yyyy-MM-dd") ?? "长期坚持", deadline is null ? TaskItem.Routine : TaskItem.AnnualKey) { Id = TaskIds.Of(code) };

    private static (ReportMonth, string, ReportEntry) E(ReportMonth m, string unit, string code, string status, double percent = 50) =>
        (m, unit, new ReportEntry(TaskIds.Of(code), code, status, percent, "", "", ""));

    [Fact]
    public void A_task_closes_in_the_month_its_lead_unit_reports_it_done_and_stays_closed()
    {
        var task = Task("A-001", new DateOnly(2025, 6, 30));
        var entries = new[] { E(Jan, "U01", "A-001", ReportStatus.OnSchedule), E(Feb, "U01", "A-001", ReportStatus.Completed, 100), E(Mar, "U01", "A-001", ReportStatus.OnSchedule) };

        var inJan = TaskState.Compute([task], entries, Jan).Single();
        var inMar = TaskState.Compute([task], entries, Mar).Single();

        Assert.False(inJan.Closed);
        Assert.True(inMar.Closed);
        Assert.Equal(Feb, inMar.ClosedIn);
    }

    [Fact]
    public void A_co_unit_reporting_done_does_not_close_the_task()
    {
        var task = Task("B-001", new DateOnly(2025, 6, 30), "U01", "U02");
        var state = TaskState.Compute([task], [E(Mar, "U02", "B-001", ReportStatus.Completed, 100), E(Mar, "U01", "B-001", ReportStatus.OnSchedule)], Mar).Single();
        Assert.False(state.Closed);
        Assert.Equal(ReportStatus.OnSchedule, state.LastStatus);
    }

    [Fact]
    public void Overdue_means_deadline_passed_by_month_end_and_still_open_standing_tasks_never_are()
    {
        TaskItem[] tasks = [Task("C-001", new DateOnly(2025, 2, 28)), Task("C-002", new DateOnly(2025, 3, 31)), Task("C-003", new DateOnly(2025, 4, 30)), Task("C-004", null), Task("C-005", new DateOnly(2025, 1, 31))];
        var entries = new[] { E(Jan, "U01", "C-005", ReportStatus.Completed, 100) };

        var states = TaskState.Compute(tasks, entries, Mar).ToDictionary(s => s.Task.Code);

        Assert.True(states["C-001"].Overdue);
        Assert.True(states["C-002"].Overdue);
        Assert.False(states["C-003"].Overdue);
        Assert.False(states["C-004"].Overdue);
        Assert.False(states["C-005"].Overdue); // done before its deadline
    }

    [Fact]
    public void Lagging_counts_consecutive_months_reported_lagging_or_not_started()
    {
        var task = Task("D-001", new DateOnly(2025, 12, 31));
        var entries = new[] { E(Jan, "U01", "D-001", ReportStatus.OnSchedule), E(Feb, "U01", "D-001", ReportStatus.NotStarted, 0), E(Mar, "U01", "D-001", ReportStatus.Lagging, 10) };

        var inMar = TaskState.Compute([task], entries, Mar).Single();
        var inFeb = TaskState.Compute([task], entries, Feb).Single();

        Assert.True(inMar.Lagging);
        Assert.Equal(2, inMar.LaggingMonthsRunning);
        Assert.Equal(1, inFeb.LaggingMonthsRunning);
    }

    [Fact]
    public void A_task_whose_lead_did_not_report_this_month_keeps_its_last_status_but_is_not_reported_this_month()
    {
        var task = Task("E-001", null);
        var state = TaskState.Compute([task], [E(Jan, "U01", "E-001", ReportStatus.Lagging, 20)], Mar).Single();
        Assert.False(state.ReportedThisMonth);
        Assert.Equal(Jan, state.LastReported);
        Assert.Equal(0, state.LaggingMonthsRunning); // nothing reported in March: the run is broken, not extended
    }
}
