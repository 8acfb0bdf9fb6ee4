using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ReportWorker.Health;

/// <summary>
/// Runs every registered health check at once and returns their verdicts in registration order. Not the stock
/// <see cref="HealthCheckService"/>: that one waits for a check that ignores its token (a SQLite lock waits 30 s, a
/// DriveInfo on a dead network mount forever) and reports in a dictionary. Here each check runs on a thread of
/// its own and is abandoned at its timeout, and a check that throws becomes a verdict too.
/// </summary>
public sealed class HealthRunner(IOptions<HealthCheckServiceOptions> checks, IServiceProvider services, IOptions<HealthOptions> options, ILogger<HealthRunner> logger)
{
    public async Task<IReadOnlyList<HealthLine>> RunAsync(CancellationToken ct) =>
        await Task.WhenAll(checks.Value.Registrations.Select(r => RunAsync(r, ct)));

    private async Task<HealthLine> RunAsync(HealthCheckRegistration registration, CancellationToken ct)
    {
        var timeout = registration.Timeout > TimeSpan.Zero ? registration.Timeout : TimeSpan.FromSeconds(options.Value.CheckTimeoutSeconds);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(timeout);
        var work = Task.Run(() => registration.Factory(services).CheckHealthAsync(new HealthCheckContext { Registration = registration }, deadline.Token), CancellationToken.None);
        HealthLine line;
        try
        {
            var result = await work.WaitAsync(timeout, ct);
            line = new HealthLine(registration.Name, result.Status, HealthVerdict.OneLine(result.Description, max: 2000));
        }
        catch (Exception ex) when (ex is TimeoutException || ex is OperationCanceledException && deadline.IsCancellationRequested && !ct.IsCancellationRequested)
        {
            HealthLog.TimedOut(logger, registration.Name, timeout.TotalSeconds);
            line = new HealthLine(registration.Name, registration.FailureStatus, $"检查超时：{timeout.TotalSeconds:0} 秒内没有结果，已放弃（Health:CheckTimeoutSeconds）");
        }
        // Deliberately every exception: a check that throws is a finding about the system (a broken file, a dropped
        // connection), and the command must print it as one, never die of it.
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            HealthLog.Threw(logger, ex, registration.Name);
            line = new HealthLine(registration.Name, registration.FailureStatus, $"检查出错（{ex.GetType().Name}）：{HealthVerdict.OneLine(ex.Message)}");
        }
        HealthLog.Checked(logger, line.Name, line.Status.ToString(), line.Facts);
        return line;
    }
}
