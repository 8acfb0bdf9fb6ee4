using Microsoft.Extensions.Hosting;

namespace ReportWorker.Hosting;

/// <summary>
/// Something to do once every service has started (the ledger migrated, the scheduler running) or
/// when stopping begins, without delaying either: start-up reports and the systemd status line.
/// The other lifecycle steps do nothing.
/// </summary>
public abstract class StartedHook : IHostedLifecycleService
{
    public virtual Task StartedAsync(CancellationToken ct) => Task.CompletedTask;
    public virtual Task StoppingAsync(CancellationToken ct) => Task.CompletedTask;

    public Task StartingAsync(CancellationToken ct) => Task.CompletedTask;
    public Task StartAsync(CancellationToken ct) => Task.CompletedTask;
    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
    public Task StoppedAsync(CancellationToken ct) => Task.CompletedTask;
}
