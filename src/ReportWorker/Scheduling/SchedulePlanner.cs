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
        return At(job, DateOnly.FromDateTime(local.DateTime), TimeOnly.FromDateTime(local.DateTime));
    }

    /// <summary>
    /// The first moment at or after <paramref name="notBefore"/> at the occurrence's time of day (on a working day if the
    /// job moves off holidays): when a run refused because its period was not open yet runs again. The 月通报 refused at
    /// 09:00 on a day whose forms are due at 17:00 runs at 09:00 the next working day.
    /// </summary>
    public DateTimeOffset RunAtOrAfter(string job, DateTimeOffset occurrence, DateTimeOffset notBefore)
    {
        var time = TimeOnly.FromDateTime(calendar.ToLocal(occurrence).DateTime);
        var local = calendar.ToLocal(notBefore).DateTime;
        var day = DateOnly.FromDateTime(local);
        if (day.ToDateTime(time) < local) day = day.AddDays(1);
        return At(job, day, time);
    }

    private DateTimeOffset At(string job, DateOnly day, TimeOnly time)
    {
        if (WorkingDaysOnly(job)) day = calendar.WorkingDays.OnOrAfter(day);
        var moved = day.ToDateTime(time);
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
