using Microsoft.Extensions.Hosting;
using Quartz;
using ReportWorker.Ledger;

namespace ReportWorker.Scheduling;

/// <summary>
/// The service's start-up, in an order that does not depend on how services were registered: the
/// ledger schema first (Quartz's tables and ours live in the same database), then the configured
/// schedule into the job store, then the scheduler. Stopping waits for a running job to finish.
/// </summary>
internal sealed class SchedulerService(SchemaMigrator migrator, ScheduleInstaller installer, ISchedulerFactory factory) : IHostedService
{
    private IScheduler? _scheduler;

    public async Task StartAsync(CancellationToken ct)
    {
        migrator.Migrate();
        _scheduler = await factory.GetScheduler(ct);
        await installer.InstallAsync(_scheduler, ct);
        await _scheduler.Start(ct);
    }

    public async Task StopAsync(CancellationToken ct)
    {
        if (_scheduler is not null) await _scheduler.Shutdown(waitForJobsToComplete: true, ct);
    }
}
