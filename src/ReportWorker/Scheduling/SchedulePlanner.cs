using Microsoft.Extensions.Options;
using Quartz;
using ReportWorker.Calendar;

namespace ReportWorker.Scheduling;

/// <summary>
/// Calendar arithmetic for the schedule: which cron occurrence a fire stands for (a catch-up fire
/// after downtime fires "now", but it stands for the occurrence it replaces), when that occurrence
/// may run (holidays move it to the next working day), and which period it covers.
/// </summary>
public sealed class SchedulePlanner(IOptions<ScheduleOptions> options, ReportingCalendar calendar, JobCatalog jobs)
{
    // The longest gap between two occurrences of any default schedule is a quarter.
    private static readonly TimeSpan Lookback = TimeSpan.FromDays(100);

    public TimeZoneInfo Zone => calendar.Zone;

    public JobScheduleOptions Schedule(string job) =>
        options.Value.Jobs.TryGetValue(job, out var s) ? s : throw new ArgumentException($"No schedule for job '{job}'.");

    /// <summary>Whether the job's fires move off holidays: the setting if given, else what the job declares.</summary>
    public bool WorkingDaysOnly(string job) => Schedule(job).WorkingDaysOnly ?? jobs[job].MovesOffHolidays;

    public CronExpression Cron(string job) => new(Schedule(job).Cron, calendar.Zone);

    /// <summary>The last occurrence of the job's cron at or before <paramref name="at"/>.</summary>
    public DateTimeOffset? LatestOccurrence(string job, DateTimeOffset at)
    {
        var cron = Cron(job);
        DateTimeOffset? latest = null;
        for (var t = cron.GetNextValidTimeAfter(at - Lookback); t is { } next && next <= at; t = cron.GetNextValidTimeAfter(next))
            latest = next;
        return latest;
    }

    /// <summary>Occurrences after <paramref name="after"/> up to and including <paramref name="until"/>, oldest first.</summary>
    public IReadOnlyList<DateTimeOffset> Occurrences(string job, DateTimeOffset after, DateTimeOffset until, int max)
    {
        var cron = Cron(job);
        var list = new List<DateTimeOffset>();
        for (var t = cron.GetNextValidTimeAfter(after); t is { } next && next <= until; t = cron.GetNextValidTimeAfter(next))
            list.Add(next);
        return list.Count > max ? list[^max..] : list;
    }

    /// <summary>When an occurrence may run: itself, or the same time on the next working day.</summary>
    public DateTimeOffset RunAt(string job, DateTimeOffset occurrence)
    {
        var local = calendar.ToLocal(occurrence);
        if (!WorkingDaysOnly(job)) return local;
        var day = calendar.WorkingDays.OnOrAfter(DateOnly.FromDateTime(local.DateTime));
        var moved = day.ToDateTime(TimeOnly.FromDateTime(local.DateTime));
        return new DateTimeOffset(moved, calendar.Zone.GetUtcOffset(moved));
    }

    /// <summary>Whether moving the occurrence off holidays knew the holidays: false when its day, or the day it moved to, is in a year without holiday data.</summary>
    public bool HolidaysKnown(string job, DateTimeOffset occurrence) =>
        !WorkingDaysOnly(job)
        || calendar.WorkingDays.UncoveredYears(DateOnly.FromDateTime(calendar.ToLocal(occurrence).DateTime), DateOnly.FromDateTime(RunAt(job, occurrence).DateTime)).Count == 0;

    /// <summary>
    /// The period an occurrence covers, from its own date: a run moved past a holiday into the next month
    /// (forms due out on 31 May, sent on 3 June) still covers the month it was planned for.
    /// </summary>
    public JobPeriod PeriodOf(string job, DateTimeOffset occurrence) =>
        JobPeriod.For(jobs[job].Period, DateOnly.FromDateTime(calendar.ToLocal(occurrence).DateTime));

    /// <summary>The job's next occurrence after <paramref name="after"/>, when it will run (holidays considered), and the period it covers.</summary>
    public (DateTimeOffset Occurrence, DateTimeOffset RunAt, JobPeriod Period)? NextRun(string job, DateTimeOffset after) =>
        Cron(job).GetNextValidTimeAfter(after) is { } next ? (next, RunAt(job, next), PeriodOf(job, next)) : null;
}
