using ReportWorker.Scheduling;
using ReportWorker.Tests.Support;

namespace ReportWorker.Tests.Scheduling;

/// <summary>Which occurrence a fire stands for, when it may run, and which period it covers — on the real 2025 calendar.</summary>
public sealed class SchedulePlannerTests : IDisposable
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);
    private readonly TestWorld _world = new();
    private SchedulePlanner Planner => _world.Get<SchedulePlanner>();

    public void Dispose() => _world.Dispose();

    private static DateTimeOffset Local(int y, int m, int d, int h = 9, int min = 0) => new(y, m, d, h, min, 0, Beijing);

    [Fact]
    public void A_catch_up_fire_days_late_stands_for_the_occurrence_it_replaces_and_reports_that_month()
    {
        // Down from 7 April to the morning of 12 May: the catch-up fire comes "now", but it is the 8 April notice.
        var occurrence = Planner.LatestOccurrence("monthly-notice", Local(2025, 5, 7, 23));
        Assert.Equal(Local(2025, 4, 8), occurrence);
        Assert.Equal("2025-03", Planner.PeriodOf("monthly-notice", occurrence!.Value).Value);
    }

    [Theory]
    [InlineData("forms", 2025, 3, 25, "2025-03")]
    [InlineData("monthly-notice", 2025, 1, 8, "2024-12")]
    [InlineData("quarterly-notice", 2025, 4, 10, "2025Q1")]
    [InlineData("quarterly-notice", 2025, 1, 10, "2024Q4")]
    [InlineData("reminders", 2025, 4, 7, "2025-04-07")]
    public void Each_job_covers_the_period_its_rhythm_says(string job, int y, int m, int d, string period) =>
        Assert.Equal(period, Planner.PeriodOf(job, Local(y, m, d)).Value);

    [Fact]
    public void A_fire_on_a_public_holiday_runs_on_the_next_working_day_at_the_same_time_and_keeps_its_period()
    {
        // 2025-10-08 is the last day of the National Day and Mid-Autumn holiday.
        var runAt = Planner.RunAt("monthly-notice", Local(2025, 10, 8));
        Assert.Equal(Local(2025, 10, 9), runAt);
        Assert.Equal("2025-09", Planner.PeriodOf("monthly-notice", Local(2025, 10, 8)).Value);
    }

    [Fact]
    public void A_run_moved_past_a_holiday_into_the_next_month_still_covers_the_month_it_was_planned_for()
    {
        // Forms on the last day of each month: Saturday 31 May 2025 begins the 端午 holiday (to 2 June).
        using var world = new TestWorld(new Dictionary<string, string?> { ["Schedule:Jobs:forms:Cron"] = "0 0 9 L * ?" });
        var planner = world.Get<SchedulePlanner>();

        Assert.Equal(Local(2025, 6, 3), planner.RunAt("forms", Local(2025, 5, 31)));
        Assert.Equal("2025-05", planner.PeriodOf("forms", Local(2025, 5, 31)).Value);
        Assert.Equal("2025-06", planner.PeriodOf("forms", Local(2025, 6, 30)).Value);
    }

    [Fact]
    public void A_fire_on_a_weekend_make_up_working_day_runs_that_day()
    {
        // Sunday 2025-09-28 is a 调休 working day.
        Assert.Equal(Local(2025, 9, 28, 8, 30), Planner.RunAt("reminders", Local(2025, 9, 28, 8, 30)));
        // Saturday 2025-03-29 is an ordinary weekend day.
        Assert.Equal(Local(2025, 3, 31, 8, 30), Planner.RunAt("reminders", Local(2025, 3, 29, 8, 30)));
    }

    [Fact]
    public void Jobs_without_the_working_day_rule_run_on_holidays()
    {
        Assert.Equal(Local(2025, 10, 1, 10, 1), Planner.RunAt("outbox", Local(2025, 10, 1, 10, 1)));
    }

    [Fact]
    public void The_quarterly_notice_runs_on_the_10th_when_it_is_a_working_day_and_moves_off_a_Saturday()
    {
        // 10 October 2025 is a Friday and a working day: it runs as planned. The next is 10 January 2026, a Saturday.
        Assert.Equal(Local(2025, 10, 10), Planner.NextRun("quarterly-notice", Local(2025, 10, 1))?.RunAt);
        Assert.Equal(Local(2026, 1, 12), Planner.NextRun("quarterly-notice", Local(2025, 10, 11))?.RunAt);
        Assert.Equal("2025Q4", Planner.NextRun("quarterly-notice", Local(2025, 10, 11))?.Period.Value);
    }

    [Fact]
    public void A_run_refused_until_its_forms_are_due_runs_again_at_its_own_time_on_the_next_working_day()
    {
        // September 2025's forms are due Thursday 9 October, 17:00 (after the holiday); the 8 October notice, moved to
        // 09:00 on the 9th, waits for Friday the 10th. In 2026 they are due Thursday 8 October, 17:00: Friday the 9th.
        Assert.Equal(Local(2025, 10, 10), Planner.RunAtOrAfter("monthly-notice", Local(2025, 10, 8), Local(2025, 10, 9, 17)));
        Assert.Equal(Local(2026, 10, 9), Planner.RunAtOrAfter("monthly-notice", Local(2026, 10, 8), Local(2026, 10, 8, 17)));
        Assert.Equal(Local(2026, 10, 9), Planner.RunAtOrAfter("monthly-notice", Local(2026, 10, 8), Local(2026, 10, 9)));
    }
}
