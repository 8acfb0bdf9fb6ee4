using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Quartz;

namespace ReportWorker.Scheduling;

/// <summary>
/// Puts the configured schedule into the persistent job store before the scheduler starts. A trigger
/// whose cron and zone are unchanged is kept as stored, so a fire missed while the service was down is
/// still there to misfire and run once; a changed cron replaces its trigger; a disabled job, or one
/// this build no longer has, is deleted.
/// </summary>
public sealed class ScheduleInstaller(Ledger.LedgerLocks locks, JobCatalog jobs, IOptions<ScheduleOptions> options, SchedulePlanner planner, TimeProvider clock, ILogger<ScheduleInstaller> logger)
{
    public async Task InstallAsync(IScheduler scheduler, CancellationToken ct)
    {
        // Nodes of a cluster starting together take turns, so each sees what the one before installed.
        using var turn = locks.Acquire("schedule", TimeSpan.FromMinutes(2));
        foreach (var stale in await scheduler.GetJobKeys(GroupMatcher<JobKey>.GroupEquals(ScheduledJob.Group), ct))
            if (jobs.Find(stale.Name) is null && await scheduler.DeleteJob(stale, ct)) SchedulingLog.Removed(logger, stale.Name);

        foreach (var job in jobs.All)
        {
            var jobKey = new JobKey(job.Name, ScheduledJob.Group);
            if (!options.Value.Jobs.TryGetValue(job.Name, out var schedule) || !schedule.Enabled)
            {
                if (await scheduler.DeleteJob(jobKey, ct)) SchedulingLog.Removed(logger, job.Name);
                continue;
            }
            var detail = JobBuilder.Create<ScheduledJob>().WithIdentity(jobKey).WithDescription(job.Title)
                .UsingJobData(ScheduledJob.JobKeyName, job.Name).StoreDurably()
                // In a cluster, a job whose node dies mid-run is run again by a surviving node.
                .RequestRecovery().Build();
            await scheduler.AddJob(detail, AddJobOptions.Replacing, ct);

            var triggerKey = new TriggerKey(job.Name, ScheduledJob.Group);
            var stored = await scheduler.GetTrigger(triggerKey, ct) as ICronTrigger;
            // Quartz stores the expression upper-cased and trimmed: compare like with like, or every start would
            // replace the trigger and lose a fire missed while the service was down.
            var configured = new CronExpression(schedule.Cron).CronExpressionString;
            if (stored is not null && stored.CronExpressionString == configured && stored.TimeZone.Id == planner.Zone.Id)
            {
                SchedulingLog.Installed(logger, job.Name, "kept", schedule.Cron, planner.Zone.Id, Local(stored.NextFireTimeUtc));
                continue;
            }
            var trigger = TriggerBuilder.Create(clock).WithIdentity(triggerKey).ForJob(jobKey).StartAt(clock.GetUtcNow())
                .WithCronSchedule(schedule.Cron, c => c.InTimeZone(planner.Zone).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed))
                .Build();
            var next = stored is null
                ? await scheduler.ScheduleJob(trigger, default, ct)
                : await scheduler.RescheduleJob(triggerKey, trigger, ct);
            SchedulingLog.Installed(logger, job.Name, stored is null ? "scheduled" : "rescheduled", schedule.Cron, planner.Zone.Id, Local(next));
        }
    }

    private DateTimeOffset? Local(DateTimeOffset? utc) => utc is { } t ? TimeZoneInfo.ConvertTime(t, planner.Zone) : null;
}
