using ReportWorker.Hosting;
using Quartz;

namespace ReportWorker.Scheduling;

/// <summary>
/// The one Quartz job class; each configured job is a durable job detail of it whose data names the
/// job. For a periodic job it works out which occurrence the fire stands for, defers it to the next
/// working day if need be, catches up missed periods, and hands each period to <see cref="JobRunner"/>.
/// </summary>
[DisallowConcurrentExecution]
public sealed class ScheduledJob(JobRunner runner, SchedulePlanner planner, JobRunStore runs, JobFailureAlert alert,
    Microsoft.Extensions.Options.IOptions<ScheduleOptions> options, TimeProvider clock, Microsoft.Extensions.Logging.ILogger<ScheduledJob> logger) : IJob
{
    public const string Group = "reportworker";
    public const string JobKeyName = "job";
    public const string OccurrenceKey = "occurrence";
    public const string AttemptKey = "attempt";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken ct)
    {
        var job = context.MergedJobDataMap.GetString(JobKeyName)!;
        SchedulingLog.Fired(logger, job, context.ScheduledFireTimeUtc, context.Scheduler.SchedulerInstanceId, context.Recovering);
        // Tests kill a worker here to show that another node of a cluster finishes the job (a recovering fire does not stop here).
        if (!context.Recovering) CrashPoints.Hit($"job-started-{job}");
        if (JobNames.PeriodOf(job) == PeriodKind.None)
        {
            await runner.RunAsync(job, JobPeriod.None, null, "schedule", ct);
            return;
        }

        var fired = context.ScheduledFireTimeUtc ?? clock.GetUtcNow();
        var occurrence = context.MergedJobDataMap.TryGetString(OccurrenceKey, out var deferred) && deferred is not null
            ? DateTimeOffset.Parse(deferred, System.Globalization.CultureInfo.InvariantCulture)
            : planner.LatestOccurrence(job, fired + TimeSpan.FromSeconds(1)) ?? fired;

        var runAt = planner.RunAt(job, occurrence);
        if (runAt > fired + TimeSpan.FromMinutes(1))
        {
            await ScheduleOnceAsync(context, $"{job}-deferred-{occurrence.UtcDateTime:yyyyMMddHHmm}", occurrence, runAt, attempt: 1, ct);
            SchedulingLog.Deferred(logger, job, occurrence, runAt);
            return;
        }
        var attempt = context.MergedJobDataMap.TryGetString(AttemptKey, out var a) && int.TryParse(a, out var n) ? n : 1;

        foreach (var missed in Missed(job, occurrence).Append(occurrence))
        {
            var period = planner.PeriodOf(job, missed);
            if (runs.IsDone(job, period)) { SchedulingLog.AlreadyDone(logger, job, period.Value); continue; }
            // A missed occurrence that would itself have waited for a working day still in the future waits for its own fire.
            if (planner.RunAt(job, missed) > fired + TimeSpan.FromMinutes(1)) continue;
            var outcome = await runner.RunAsync(job, period, missed, "schedule", ct);
            if (!outcome.Succeeded) await RetryOrAlertAsync(context, job, period, missed, attempt, outcome.Summary, ct);
        }
    }

    /// <summary>
    /// A failed run is tried again for the same occurrence (after 15, 30, 45 … minutes) rather than
    /// waiting for next month's fire; when the retries are spent, the operators get one e-mail.
    /// </summary>
    private async Task RetryOrAlertAsync(IJobExecutionContext context, string job, JobPeriod period, DateTimeOffset occurrence, int attempt, string error, CancellationToken ct)
    {
        if (attempt <= options.Value.RetryFailedRuns)
        {
            var at = clock.GetUtcNow() + TimeSpan.FromMinutes(15 * attempt);
            await ScheduleOnceAsync(context, $"{job}-retry{attempt}-{occurrence.UtcDateTime:yyyyMMddHHmm}", occurrence, at, attempt + 1, ct);
            SchedulingLog.WillRetry(logger, job, period.Value, attempt, at);
        }
        else if (alert.Queue(job, period, attempt, error))
        {
            SchedulingLog.GaveUp(logger, job, period.Value, attempt);
        }
    }

    /// <summary>
    /// Briefings are never skipped: occurrences missed since the last completed one (a long outage) run
    /// first, oldest first. Forms and reminders only matter for the present, so only the latest runs.
    /// </summary>
    private IEnumerable<DateTimeOffset> Missed(string job, DateTimeOffset occurrence)
    {
        if (job is not (JobNames.MonthlyNotice or JobNames.QuarterlyNotice)) return [];
        return runs.LastDoneOccurrence(job) is { } last && last < occurrence
            ? planner.Occurrences(job, last, occurrence - TimeSpan.FromSeconds(1), max: 12)
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
