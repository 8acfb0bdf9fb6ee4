using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Quartz;
using ReportWorker.Hosting;
using ReportWorker.Ledger;
using ReportWorker.Scheduling;

namespace ReportWorker.Tests.Support;

/// <summary>
/// The real worker service (no command: Quartz schedules) run as a separate process on a rehearsal
/// clock: simulated time = <see cref="SimulatedStart"/> + (real time since <see cref="RealStart"/>) × <see cref="Speed"/>.
/// Killing it and starting it again keeps the clock running, so downtime is simulated downtime.
/// A busy machine makes everything take longer in simulated time, so tests wait for what they need
/// (<see cref="WaitFor"/>, with generous real-time limits) and check orderings from the ledger's
/// timestamps rather than assume them. They run in the <see cref="RealTimeWorkers"/> collection, alone.
/// </summary>
public sealed class RehearsalWorker(string workingDirectory, IDictionary<string, string> environment, DateTimeOffset simulatedStart, double speed) : IDisposable
{
    private Process? _process;
    private readonly List<string> _log = [];

    public DateTimeOffset SimulatedStart { get; } = simulatedStart;
    public DateTimeOffset RealStart { get; } = DateTimeOffset.UtcNow;
    public double Speed { get; } = speed;
    public int Starts { get; private set; }

    public DateTimeOffset SimulatedNow => SimulatedStart + (DateTimeOffset.UtcNow - RealStart) * Speed;

    public string Log { get { lock (_log) return string.Join('\n', _log); } }

    public void Start(IDictionary<string, string>? extra = null)
    {
        var env = new Dictionary<string, string>(environment)
        {
            ["Clock__SimulatedStart"] = SimulatedStart.ToString("O", CultureInfo.InvariantCulture),
            ["Clock__RealStart"] = RealStart.ToString("O", CultureInfo.InvariantCulture),
            ["Clock__Speed"] = Speed.ToString(CultureInfo.InvariantCulture),
        };
        // What this start adds (a crash point, or an empty Clock__SimulatedStart for the real clock) wins.
        foreach (var (k, v) in extra ?? new Dictionary<string, string>()) env[k] = v;
        _process = WorkerProcess.Start(workingDirectory, env);
        _process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (_log) _log.Add(e.Data); };
        _process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (_log) _log.Add("ERR " + e.Data); };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        Starts++;
    }

    /// <summary>Waits for the process to end by itself (a crash point kills it with SIGKILL).</summary>
    public int WaitForExit(TimeSpan timeout)
    {
        if (!_process!.WaitForExit(timeout)) throw new Xunit.Sdk.XunitException($"worker still running after {timeout}\n{Log}");
        return _process.ExitCode;
    }

    /// <summary>kill -9: no shutdown hooks, no flushing, mid-whatever-it-was-doing.</summary>
    public void Kill()
    {
        _process!.Kill();
        _process.WaitForExit();
    }

    /// <summary>SIGTERM, as systemd stops a service; waits for the running jobs.</summary>
    public int Stop()
    {
        Process.Start("kill", ["-TERM", _process!.Id.ToString(CultureInfo.InvariantCulture)])!.WaitForExit();
        if (!_process.WaitForExit(TimeSpan.FromSeconds(60))) { _process.Kill(); throw new TimeoutException("worker did not stop on SIGTERM"); }
        return _process.ExitCode;
    }

    public bool HasExited => _process?.HasExited ?? true;

    /// <summary>
    /// Puts the configured schedule into the ledger's job store as the service does when it starts, at
    /// <paramref name="at"/> (default <see cref="SimulatedStart"/>): the state of a service running since then.
    /// A first start that is slow (a busy machine) then finds fires that fell due while it was starting
    /// waiting in the store, run late or once as misfires, instead of scheduling from "now" past them.
    /// </summary>
    public void InstallSchedule(DateTimeOffset? at = null)
    {
        var builder = WorkerHost.CreateBuilder([], quietConsole: true);
        builder.Configuration.AddInMemoryCollection(environment.Select(e => new KeyValuePair<string, string?>(e.Key.Replace("__", ":"), e.Value)));
        builder.Services.AddSingleton<TimeProvider>(new FakeTimeProvider(at ?? SimulatedStart));
        builder.AddSchedulerService();
        using var host = builder.Build();
        host.Services.GetRequiredService<SchemaMigrator>().Migrate();
        var scheduler = host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler().AsTask().GetAwaiter().GetResult();
        try { host.Services.GetRequiredService<ScheduleInstaller>().InstallAsync(scheduler, CancellationToken.None).GetAwaiter().GetResult(); }
        finally { scheduler.Shutdown(waitForJobsToComplete: false).AsTask().GetAwaiter().GetResult(); }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }

    /// <summary>Sleeps until the simulated clock reads <paramref name="local"/>.</summary>
    public void WaitUntil(DateTimeOffset local)
    {
        var wait = (local - SimulatedNow) / Speed;
        if (wait > TimeSpan.Zero) Thread.Sleep(wait);
    }

    /// <summary>Polls until <paramref name="condition"/> holds, failing with the worker's log if it never does (default: within two real minutes).</summary>
    public void WaitFor(Func<bool> condition, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(120));
        while (!condition())
        {
            if (HasExited) throw new Xunit.Sdk.XunitException($"worker exited while waiting for {what}\n{Log}");
            if (DateTime.UtcNow > deadline) throw new Xunit.Sdk.XunitException($"timed out waiting for {what} (simulated now {SimulatedNow:yyyy-MM-dd HH:mm})\n{Log}");
            Thread.Sleep(50);
        }
    }

    public void Dispose()
    {
        if (_process is { HasExited: false }) { _process.Kill(); _process.WaitForExit(); }
        _process?.Dispose();
    }
}

/// <summary>Tests that run worker processes against the clock; they run one at a time, after the rest.</summary>
[CollectionDefinition(nameof(RealTimeWorkers), DisableParallelization = true)]
public sealed class RealTimeWorkers;
