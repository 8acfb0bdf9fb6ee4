using ReportWorker.Briefings;
using ReportWorker.Calendar;
using ReportWorker.Ledger;
using ReportWorker.Registry;
using ReportWorker.Periods;
using ReportWorker.Tests.Support;

namespace ReportWorker.Tests.Briefings;

/// <summary>A hand-made ledger over two quarters; the expected items are worked out in the comments.</summary>
public sealed class SupervisionTests
{
    private static readonly Quarter Q1 = new(2025, 1), Q2 = new(2025, 2);
    private static readonly WorkingCalendar Calendar = WorkingCalendar.Load(Path.Combine(AppContext.BaseDirectory, "templates", "calendar", "holidays.json"));
    private static readonly SupervisionOptions Options = new();

    private static TaskItem T(string code, DateOnly? deadline, int order) =>
        new(code, "A", "任务" + code, "U01", [], deadline, deadline?.ToString("yyyy-MM-dd") ?? "长期坚持", TaskItem.AnnualKey, order) { Id = TaskIds.Of(code) };

    private static readonly TaskItem[] Tasks =
    [
        T("T1", new(2025, 2, 28), 1),   // overdue 31 days at Q1 end: 黄
        T("T2", new(2024, 12, 15), 2),  // overdue 106 days: 红
        T("T3", new(2025, 12, 31), 3),  // 滞后 February and March: 蓝
        T("T4", new(2025, 12, 31), 4),  // 滞后 only in March: not an item
        T("T5", new(2025, 3, 31), 5),   // closed in March: not an item
        T("T6", null, 6),               // standing, 未启动 February and March: 蓝
    ];

    private static (ReportMonth, string, ReportEntry) E(int month, string code, string status) =>
        (new ReportMonth(2025, month), "U01", new ReportEntry(TaskIds.Of(code), code, status, 10, "", "", ""));

    private static readonly (ReportMonth, string, ReportEntry)[] Entries =
    [
        E(1, "T1", ReportStatus.OnSchedule), E(1, "T2", ReportStatus.OnSchedule), E(1, "T3", ReportStatus.OnSchedule), E(1, "T4", ReportStatus.OnSchedule), E(1, "T5", ReportStatus.OnSchedule), E(1, "T6", ReportStatus.OnSchedule),
        E(2, "T1", ReportStatus.OnSchedule), E(2, "T2", ReportStatus.OnSchedule), E(2, "T3", ReportStatus.Lagging), E(2, "T4", ReportStatus.OnSchedule), E(2, "T5", ReportStatus.OnSchedule), E(2, "T6", ReportStatus.NotStarted),
        E(3, "T1", ReportStatus.OnSchedule), E(3, "T2", ReportStatus.OnSchedule), E(3, "T3", ReportStatus.Lagging), E(3, "T4", ReportStatus.Lagging), E(3, "T5", ReportStatus.Completed), E(3, "T6", ReportStatus.NotStarted),
        // Second quarter: T1 is done in May; T2, T3 and T6 stay behind.
        E(4, "T1", ReportStatus.OnSchedule), E(4, "T2", ReportStatus.OnSchedule), E(4, "T3", ReportStatus.Lagging), E(4, "T6", ReportStatus.NotStarted),
        E(5, "T1", ReportStatus.Completed), E(5, "T2", ReportStatus.OnSchedule), E(5, "T3", ReportStatus.Lagging), E(5, "T6", ReportStatus.NotStarted),
        E(6, "T2", ReportStatus.OnSchedule), E(6, "T3", ReportStatus.Lagging), E(6, "T6", ReportStatus.NotStarted),
    ];

    private static IReadOnlyList<TaskState> At(Quarter q) => TaskState.Compute(Tasks, Entries, q.LastMonth);

    [Fact]
    public void First_quarter_items_levels_numbers_and_rectification_deadline()
    {
        var (figures, added) = SupervisionCalculator.Compute(Q1, At(Q1), [], [], Options, Calendar);

        Assert.Equal(["督〔2025〕Q1-001", "督〔2025〕Q1-002", "督〔2025〕Q1-003", "督〔2025〕Q1-004"], figures.Items.Select(i => i.Number));
        Assert.Equal(["T1", "T2", "T3", "T6"], figures.Items.Select(i => i.State.Task.Code));
        Assert.Equal([Level.Yellow, Level.Red, Level.Blue, Level.Blue], figures.Items.Select(i => i.Level));
        Assert.All(figures.Items, i => Assert.Equal(new DateOnly(2025, 4, 30), i.RectifyBy)); // 31 March + 30 days, a working day
        Assert.Contains("31天", figures.Items[0].Reason);
        Assert.Equal(4, added.Count);
        Assert.Empty(figures.Previous);
    }

    [Fact]
    public void A_rerun_keeps_numbers_and_adds_nothing()
    {
        var (_, added) = SupervisionCalculator.Compute(Q1, At(Q1), [], [], Options, Calendar);
        var (again, addedAgain) = SupervisionCalculator.Compute(Q1, At(Q1), added, [], Options, Calendar);
        Assert.Empty(addedAgain);
        Assert.Equal(added.Select(i => (i.Seq, i.TaskCode)), again.Items.Select(i => (i.Seq, i.State.Task.Code)));
    }

    [Fact]
    public void Second_quarter_escalates_what_is_still_open_and_reports_what_closed()
    {
        var (_, q1) = SupervisionCalculator.Compute(Q1, At(Q1), [], [], Options, Calendar);

        var (q2, _) = SupervisionCalculator.Compute(Q2, At(Q2), [], q1, Options, Calendar);

        var levels = q2.Items.ToDictionary(i => i.State.Task.Code, i => i.Level);
        Assert.Equal(new Dictionary<string, Level> { ["T2"] = Level.Red, ["T3"] = Level.Yellow, ["T6"] = Level.Yellow }, levels);
        Assert.Equal("督〔2025〕Q1-003", q2.Items.Single(i => i.State.Task.Code == "T3").Previous!.Number);
        var t1 = q2.Previous.Single(f => f.TaskCode == "T1");
        Assert.Equal(new ReportMonth(2025, 5), t1.ClosedIn);
        Assert.Null(t1.NowItem);
        Assert.Equal("督〔2025〕Q2-002", q2.Previous.Single(f => f.TaskCode == "T3").NowItem!.Number);
    }

    [Fact]
    public void A_task_due_on_the_quarters_last_day_and_still_open_is_past_its_deadline_not_0_days_overdue()
    {
        var task = T("T9", new(2025, 3, 31), 9);
        var states = TaskState.Compute([task], [E(3, "T9", ReportStatus.OnSchedule)], Q1.LastMonth);

        var (atQuarterEnd, _) = SupervisionCalculator.Compute(Q1, states, [], [], Options, Calendar);
        var (issued, _) = SupervisionCalculator.Compute(Q1, states, [], [], Options, Calendar, issued: new DateOnly(2025, 4, 10));

        Assert.Equal("完成时限（2025年3月31日）已到仍未完成", Assert.Single(atQuarterEnd.Items).Reason);
        // Told as of the day the 季督办 is issued, the day its readers read it.
        Assert.Equal("截至2025年4月10日已超过完成时限（2025年3月31日）10天仍未完成", Assert.Single(issued.Items).Reason);
        Assert.Equal(Level.Yellow, Assert.Single(issued.Items).Level);
    }
}
