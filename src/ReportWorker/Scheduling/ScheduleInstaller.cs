using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Quartz;

namespace ReportWorker.Scheduling;

/// <summary>
/// Puts the configured schedule into the persistent job store before the scheduler starts. A trigger
/// whose cron and zone are unchanged is kept as stored, so a fire missed while the service was down is
/// still there to misfire and run once; a changed cron replaces its trigger; a removed job is deleted.
/// </summary>
internal sealed class ScheduleInstaller(Ledger.LedgerLocks locks, ISchedulerFactory factory, IOptions<ScheduleOptions> options, SchedulePlanner planner, TimeProvider clock, ILogger<ScheduleInstaller> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken ct)
    {
        if (clock is Calendar.RehearsalClock rehearsal) SchedulingLog.RehearsalClock(logger, clock.GetUtcNow(), rehearsal.Speed);
        var scheduler = await factory.GetScheduler(ct);
        // Nodes of a cluster starting together take turns, so each sees what the one before installed.
        using var turn = locks.Acquire("schedule", TimeSpan.FromMinutes(2));
        foreach (var job in JobNames.All)
        {
            var jobKey = new JobKey(job, ScheduledJob.Group);
            if (!options.Value.Jobs.TryGetValue(job, out var schedule) || !schedule.Enabled)
            {
                if (await scheduler.DeleteJob(jobKey, ct)) SchedulingLog.Removed(logger, job);
                continue;
            }
            var detail = JobBuilder.Create<ScheduledJob>().WithIdentity(jobKey).WithDescription(JobNames.Describe(job))
                .UsingJobData(ScheduledJob.JobKeyName, job).StoreDurably()
                // In a cluster, a job whose node dies mid-run is run again by a surviving node.
                .RequestRecovery().Build();
            await scheduler.AddJob(detail, AddJobOptions.Replacing, ct);

            var triggerKey = new TriggerKey(job, ScheduledJob.Group);
            var stored = await scheduler.GetTrigger(triggerKey, ct) as ICronTrigger;
            // Quartz stores the expression upper-cased and trimmed: compare like with like, or every start would
            // replace the trigger and lose a fire missed while the service was down.
            var configured = new CronExpression(schedule.Cron).CronExpressionString;
            if (stored is not null && stored.CronExpressionString == configured && stored.TimeZone.Id == planner.Zone.Id)
            {
                SchedulingLog.Installed(logger, job, "kept", schedule.Cron, planner.Zone.Id, Local(stored.NextFireTimeUtc));
                continue;
            }
            var trigger = TriggerBuilder.Create(clock).WithIdentity(triggerKey).ForJob(jobKey).StartAt(clock.GetUtcNow())
                .WithCronSchedule(schedule.Cron, c => c.InTimeZone(planner.Zone).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed))
                .Build();
            var next = stored is null
                ? await scheduler.ScheduleJob(trigger, default, ct)
                : await scheduler.RescheduleJob(triggerKey, trigger, ct);
            SchedulingLog.Installed(logger, job, stored is null ? "scheduled" : "rescheduled", schedule.Cron, planner.Zone.Id, Local(next));
        }
    }

    private DateTimeOffset? Local(DateTimeOffset? utc) => utc is { } t ? TimeZoneInfo.ConvertTime(t, planner.Zone) : null;

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}
