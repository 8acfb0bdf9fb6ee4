using ReportWorker.Scheduling;
using ReportWorker.Tests.Support;

namespace ReportWorker.Tests.Health;

/// <summary>The record of scheduled runs a worker that has run since 1 December 2024 leaves by Thursday 3 April 2025, 10:00 Beijing time.</summary>
internal static class ScheduleHistory
{
    public static readonly DateTimeOffset ThirdApril = new(2025, 4, 3, 10, 0, 0, TimeSpan.FromHours(8));

    /// <summary>What each periodic job of appsettings.json owes at <see cref="ThirdApril"/>, written out by hand from its cron.</summary>
    public static readonly (string Job, JobPeriod Period)[] OwedOnThirdApril =
    [
        ("forms", new(PeriodKind.Month, "2025-03")),               // 25 March 09:00
        ("reminders", new(PeriodKind.Day, "2025-04-03")),          // 08:30 this morning
        ("monthly-notice", new(PeriodKind.Month, "2025-02")),      // 8 March, a Saturday: ran Monday 10 March
        ("quarterly-notice", new(PeriodKind.Quarter, "2024Q4")),   // 10 January
        ("assessment-draft", new(PeriodKind.Year, "2024")),        // 15 January
        ("assessment-final", new(PeriodKind.Year, "2024")),        // 5 February
        ("calendar-check", new(PeriodKind.Day, "2025-04-03")),     // 08:00 this morning
    ];

    /// <summary>The day the schedule first ran: a test world starts here (its clock only goes forward).</summary>
    public static readonly DateTimeOffset FirstDay = new(2024, 12, 1, 8, 0, 0, TimeSpan.FromHours(8));

    /// <summary>The schedule's first run on <see cref="FirstDay"/>, then, at <see cref="ThirdApril"/>, every owed period done but those of <paramref name="except"/>.</summary>
    public static void Record(TestWorld world, params string[] except)
    {
        var runs = world.Get<JobRunStore>();
        FirstRun(world, FirstDay);
        world.Clock.SetUtcNow(ThirdApril);
        foreach (var (job, period) in OwedOnThirdApril.Where(o => !except.Contains(o.Job)))
            runs.Finish(runs.Start(job, period, null, "schedule"), done: true, "完成");
    }

    /// <summary>The schedule's first recorded run (a calendar check), with the clock moved on to <paramref name="at"/>.</summary>
    public static void FirstRun(TestWorld world, DateTimeOffset at)
    {
        var runs = world.Get<JobRunStore>();
        world.Clock.SetUtcNow(at);
        runs.Finish(runs.Start("calendar-check", JobPeriod.Of(DateOnly.FromDateTime(at.DateTime)), at, "schedule"), done: true, "节假日和调休数据到 2026年12月31日，无需提醒");
    }
}
