namespace ReportWorker.Scheduling;

/// <summary>
/// One thing the worker does on a schedule. A job is a class in its feature's folder, registered with
/// <see cref="SchedulingServiceCollectionExtensions.AddScheduledJob{TJob}"/>; its cron lives under
/// <c>Schedule:Jobs:{Name}</c>. The Quartz job, <c>run</c>, <c>jobs</c> and the failure alert all
/// enumerate the registered jobs, so adding one is one class, one registration line and its default
/// in appsettings.json.
/// </summary>
public interface IScheduledJob
{
    /// <summary>The key under <c>Schedule:Jobs</c> and the argument of <c>run</c>, e.g. "monthly-notice".</summary>
    string Name { get; }

    /// <summary>What it does, for people: "月通报".</summary>
    string Title { get; }

    /// <summary>Which period a fire stands for, counted from the day the cron occurrence falls on.</summary>
    FirePeriod Period { get; }

    /// <summary>What a long outage means for it; only periodic jobs are ever caught up.</summary>
    CatchUp CatchUp => CatchUp.LatestOnly;

    /// <summary>Whether a fire on a holiday or weekend waits for the next working day (Schedule:Jobs:{Name}:WorkingDaysOnly overrides).</summary>
    bool MovesOffHolidays => false;

    /// <summary>
    /// Does the work for one period and says in one line what it did. Must be idempotent: a period run again
    /// sends nothing twice. A job with period rules (a briefing before its forms are due, forms for a month not yet
    /// begun, reminders for a day to come) refuses such a period with <see cref="Periods.PeriodNotOpenException"/>
    /// unless <paramref name="force"/> (<c>run --force</c>); the schedule never forces, and a job with no such rule ignores it.
    /// </summary>
    Task<string> RunAsync(JobPeriod period, bool force, CancellationToken ct);
}

/// <summary>The period one fire of a job is about, relative to the local day of its cron occurrence.</summary>
public enum FirePeriod
{
    /// <summary>Continuous work (intake, delivery): a run is about whatever is waiting.</summary>
    None,
    /// <summary>The day itself (reminders).</summary>
    Day,
    /// <summary>The month the fire falls in (forms go out for the current month).</summary>
    Month,
    /// <summary>The month before (the 月通报 on 8 April covers March).</summary>
    PreviousMonth,
    /// <summary>The quarter before (the 季督办 on 10 April covers the first quarter).</summary>
    PreviousQuarter,
    /// <summary>The year before (the 年考核 in January covers last year).</summary>
    PreviousYear,
}

/// <summary>What a scheduled job does about occurrences missed while the service was down.</summary>
public enum CatchUp
{
    /// <summary>Only the latest missed occurrence runs: forms and reminders matter only for the present.</summary>
    LatestOnly,
    /// <summary>Every missed occurrence runs, oldest first: a briefing is never skipped.</summary>
    EveryMissedPeriod,
}
