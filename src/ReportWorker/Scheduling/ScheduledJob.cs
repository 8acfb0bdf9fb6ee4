using ReportWorker.Hosting;
using Quartz;

namespace ReportWorker.Scheduling;

/// <summary>
/// The one Quartz job class; each configured job is a durable job detail of it whose data names the
/// job. For a periodic job it works out which occurrence the fire stands for, defers it to the next
/// working day if need be, catches up missed periods, and hands each period to <see cref="JobRunner"/>.
/// </summary>
[DisallowConcurrentExecution]
public sealed class ScheduledJob(JobCatalog jobs, JobRunner runner, SchedulePlanner planner, JobRunStore runs, JobFailureAlert alert,
    Microsoft.Extensions.Options.IOptions<ScheduleOptions> options, TimeProvider clock, Microsoft.Extensions.Logging.ILogger<ScheduledJob> logger) : IJob
{
    public const string Group = "reportworker";
    public const string JobKeyName = "job";
    public const string OccurrenceKey = "occurrence";
    public const string AttemptKey = "attempt";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken ct)
    {
        var name = context.MergedJobDataMap.GetString(JobKeyName)!;
        SchedulingLog.Fired(logger, name, context.ScheduledFireTimeUtc, context.Scheduler.SchedulerInstanceId, context.Recovering);
        // A job store may still hold a job this build no longer has (renamed, removed): say so, never guess.
        if (jobs.Find(name) is not { } job) { SchedulingLog.UnknownJob(logger, name); return; }
        // Tests kill a worker here to show that another node of a cluster finishes the job (a recovering fire does not stop here).
        if (!context.Recovering) CrashPoints.Hit($"job-started-{name}");
        if (job.Period == FirePeriod.None)
        {
            await runner.RunAsync(job, JobPeriod.None, null, "schedule", force: false, ct);
            return;
        }

        var fired = context.ScheduledFireTimeUtc ?? clock.GetUtcNow();
        var occurrence = context.MergedJobDataMap.TryGetString(OccurrenceKey, out var deferred) && deferred is not null
            ? DateTimeOffset.Parse(deferred, System.Globalization.CultureInfo.InvariantCulture)
            : planner.LatestOccurrence(name, fired + TimeSpan.FromSeconds(1)) ?? fired;

        var runAt = planner.RunAt(name, occurrence);
        if (!planner.HolidaysKnown(name, occurrence)) SchedulingLog.WeekendsOnly(logger, name, TimeZoneInfo.ConvertTime(occurrence, planner.Zone), runAt);
        if (runAt > fired + TimeSpan.FromMinutes(1))
        {
            await ScheduleOnceAsync(context, $"{name}-deferred-{occurrence.UtcDateTime:yyyyMMddHHmm}", occurrence, runAt, attempt: 1, ct);
            SchedulingLog.Deferred(logger, name, occurrence, runAt);
            return;
        }
        var attempt = context.MergedJobDataMap.TryGetString(AttemptKey, out var a) && int.TryParse(a, out var n) ? n : 1;

        foreach (var missed in Missed(job, occurrence).Append(occurrence))
        {
            var period = planner.PeriodOf(name, missed);
            if (runs.IsDone(name, period)) { SchedulingLog.AlreadyDone(logger, name, period.Value); continue; }
            // A missed occurrence that would itself have waited for a working day still in the future waits for its own fire.
            if (planner.RunAt(name, missed) > fired + TimeSpan.FromMinutes(1)) continue;
            // The schedule never forces: a period not open yet (a 月通报 whose forms are due later that day) waits for it.
            var outcome = await runner.RunAsync(job, period, missed, "schedule", force: false, ct);
            if (outcome.Refusal is { } refused && refused.OpensAt > clock.GetUtcNow()) await WaitForPeriodAsync(context, job, period, missed, refused.OpensAt, attempt, ct);
            else if (!outcome.Succeeded) await RetryOrAlertAsync(context, job, period, missed, attempt, outcome.Summary, ct);
        }
    }

    /// <summary>
    /// A run refused because its period opens later is run again once it is open, at the job's own time of day
    /// (on a working day, if it moves off holidays): neither a failure to retry nor one to alert about.
    /// </summary>
    private async Task WaitForPeriodAsync(IJobExecutionContext context, IScheduledJob job, JobPeriod period, DateTimeOffset occurrence, DateTimeOffset opensAt, int attempt, CancellationToken ct)
    {
        var at = planner.RunAtOrAfter(job.Name, occurrence, opensAt);
        await ScheduleOnceAsync(context, $"{job.Name}-opens-{occurrence.UtcDateTime:yyyyMMddHHmm}", occurrence, at, attempt, ct);
        SchedulingLog.WaitsForPeriod(logger, job.Name, period.Value, at);
    }

    /// <summary>
    /// A failed run is tried again for the same occurrence (after 15, 30, 45 … minutes) rather than
    /// waiting for next month's fire; when the retries are spent, the operators get one e-mail.
    /// </summary>
    private async Task RetryOrAlertAsync(IJobExecutionContext context, IScheduledJob job, JobPeriod period, DateTimeOffset occurrence, int attempt, string error, CancellationToken ct)
    {
        if (attempt <= options.Value.RetryFailedRuns)
        {
            var at = clock.GetUtcNow() + TimeSpan.FromMinutes(15 * attempt);
            await ScheduleOnceAsync(context, $"{job.Name}-retry{attempt}-{occurrence.UtcDateTime:yyyyMMddHHmm}", occurrence, at, attempt + 1, ct);
            SchedulingLog.WillRetry(logger, job.Name, period.Value, attempt, at);
        }
        else if (alert.Queue(job, period, attempt, error))
        {
            SchedulingLog.GaveUp(logger, job.Name, period.Value, attempt);
        }
    }

    /// <summary>
    /// For a job that catches up every missed period (the briefings), the occurrences missed since the last
    /// completed one (a long outage), oldest first. Others run only for the latest occurrence.
    /// </summary>
    private IEnumerable<DateTimeOffset> Missed(IScheduledJob job, DateTimeOffset occurrence)
    {
        if (job.CatchUp != CatchUp.EveryMissedPeriod) return [];
        return runs.LastDoneOccurrence(job.Name) is { } last && last < occurrence
            ? planner.Occurrences(job.Name, last, occurrence - TimeSpan.FromSeconds(1), max: 12)
            : [];
    }

    /// <summary>A one-off fire standing for <paramref name="occurrence"/>, kept in the job store like any trigger.</summary>
    private async Task ScheduleOnceAsync(IJobExecutionContext context, string name, DateTimeOffset occurrence, DateTimeOffset at, int attempt, CancellationToken ct)
    {
        var key = new TriggerKey(name, Group);
        if (await context.Scheduler.GetTrigger(key, ct) is not null) return;
        var trigger = TriggerBuilder.Create(clock).WithIdentity(key).ForJob(context.JobDetail.Key)
            .UsingJobData(OccurrenceKey, occurrence.ToString("O", System.Globalization.CultureInfo.InvariantCulture))
            .UsingJobData(AttemptKey, attempt.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .StartAt(at).WithSimpleSchedule(s => s.WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow)).Build();
        await context.Scheduler.ScheduleJob(trigger, default, ct);
    }
}
