using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace ReportWorker.Tests.Support;

/// <summary>
/// What the kill -9 tests share: a data folder of their own, arranged through a <see cref="TestWorld"/>;
/// the real executable run with REPORTWORKER_CRASH_AT so that it kills itself with SIGKILL the n-th time
/// it reaches a step (ReportWorker.Hosting.CrashPoints); the same command run again; the ledger read back.
/// A test class keeps only what differs: what it arranges, the command, its settings, what it compares.
/// </summary>
public sealed class CrashHarness : IDisposable
{
    public const string Variable = "REPORTWORKER_CRASH_AT";

    /// <summary>How a process killed by SIGKILL exits, as .NET reports it (128 + 9).</summary>
    public const int KilledExitCode = 137;

    /// <param name="arrange">Sets up the ledger and folders (registry, inbox, queued mail) through a world whose data folder is <see cref="Data"/>.</param>
    public CrashHarness(Action<TestWorld>? arrange = null)
    {
        Root = Directory.CreateTempSubdirectory("rw-crash-").FullName;
        Data = Path.Combine(Root, "data");
        using (var world = new TestWorld(new Dictionary<string, string?> { ["Data:Root"] = Data })) arrange?.Invoke(world);
        SqliteConnection.ClearAllPools();
        Environment = new() { ["Data__Root"] = Data };
    }

    /// <summary>The worker's working directory; <see cref="Data"/> is inside it.</summary>
    public string Root { get; }
    public string Data { get; }

    /// <summary>The environment every run gets: the data folder, and whatever the test adds with <see cref="Use"/>.</summary>
    public Dictionary<string, string> Environment { get; }

    /// <summary>The environment entry that makes the worker kill itself the <paramref name="hit"/>-th time it reaches <paramref name="step"/>.</summary>
    public static Dictionary<string, string> At(string step, int hit = 1) => new() { [Variable] = $"{step}:{hit}" };

    /// <summary>Fails unless the process ended by SIGKILL, which here only a crash point sends.</summary>
    public static void AssertKilled(int exitCode, string what, string log) =>
        Assert.True(exitCode == KilledExitCode, $"{what}: the worker should have killed itself with SIGKILL (exit {KilledExitCode}) but exited {exitCode}\n{log}");

    /// <summary>Adds settings (configuration keys like <c>Mail:Smtp:Host</c>) to every run.</summary>
    public CrashHarness Use(IEnumerable<KeyValuePair<string, string?>> settings)
    {
        foreach (var (k, v) in settings) Environment[k.Replace(":", "__")] = v ?? "";
        return this;
    }

    public (int ExitCode, string Output, string Error) Run(string command, IDictionary<string, string>? extra = null) =>
        WorkerProcess.Run(Root, With(extra), command);

    /// <summary>Runs the command with a crash point and checks that it died there.</summary>
    public (int ExitCode, string Output, string Error) Crash(string command, string step, int hit = 1)
    {
        var run = Run(command, At(step, hit));
        AssertKilled(run.ExitCode, $"{command} with {Variable}={step}:{hit}", run.Output + run.Error);
        return run;
    }

    /// <summary>Runs the command again, without a crash point, and checks that it succeeded.</summary>
    public (int ExitCode, string Output, string Error) Rerun(string command)
    {
        var run = Run(command);
        Assert.True(run.ExitCode == 0, $"{command} after the crash exited {run.ExitCode}\n{run.Output}\n{run.Error}");
        return run;
    }

    /// <summary>Starts the command and leaves it running, for a test that kills it itself.</summary>
    public Process Start(string command) => WorkerProcess.Start(Root, With(null), command);

    public SqliteConnection Ledger()
    {
        SqliteConnection.ClearAllPools();
        var c = new SqliteConnection($"Data Source={Path.Combine(Data, "reportworker.db")}");
        c.Open();
        return c;
    }

    private Dictionary<string, string> With(IDictionary<string, string>? extra)
    {
        var env = new Dictionary<string, string>(Environment);
        foreach (var (k, v) in extra ?? new Dictionary<string, string>()) env[k] = v;
        return env;
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { }
    }
}
