using System.Diagnostics;
using System.Globalization;

namespace ReportWorker.Benchmarks.Scale;

/// <summary>
/// <c>scale [--factor N]... [--timeout-minutes M] [--min-free-gb G] [--data-dir DIR] [--probe] [--skip-intake] [--skip-monthly] [--env NAME=VALUE]... [--postgres CONNECTION] [--keep]</c>: runs the month at each
/// factor of the province (N × 100 units, N × 300 tasks) in a fresh child process, so each peak memory
/// figure is that run's own, then prints the figures and how each stage grows. <c>--probe</c> also times
/// the calls the stages repeat per item (see <see cref="Probes"/>); <c>--env</c> sets a variable for the
/// children only (e.g. DOTNET_TieredPGO=0, to see what the JIT's warm-up costs a cold process).
/// <c>--postgres</c> puts each child's ledger, outbox and job store in a database of its own on that
/// server (created for the run and dropped after it) instead of the SQLite file.
/// </summary>
internal static class ScaleCommand
{
    private static readonly Dictionary<int, (double Seconds, double Mb, string Name)> Goals = new()
    {
        [1] = (5, 400, "a province"),
        [100] = (120, 1536, "a nation"),
    };

    public static int Run(string[] args)
    {
        var factors = Values(args, "--factor").Select(int.Parse).ToList();
        if (factors.Count == 0) factors = [1, 10];
        var timeout = TimeSpan.FromMinutes(Values(args, "--timeout-minutes").Select(double.Parse).DefaultIfEmpty(10).Last());
        var minFree = Values(args, "--min-free-gb").Select(double.Parse).DefaultIfEmpty(8).Last();
        // The system's temp folder by default; --data-dir /dev/shm shows what the disk's fsyncs cost.
        var dataDir = Values(args, "--data-dir").DefaultIfEmpty(Path.GetTempPath()).Last();
        var env = Values(args, "--env").Select(e => e.Split('=', 2)).ToDictionary(e => e[0], e => e[1]);
        var postgres = Values(args, "--postgres").LastOrDefault();
        var results = factors.Select(f => RunChild(f, env, postgres, timeout, minFree, dataDir, args.Contains("--keep"), args.Contains("--probe"), args.Contains("--skip-intake"), args.Contains("--skip-monthly"))).ToList();
        ScaleTables.Print(results, Goals);
        return results.All(r => r.Finished) ? 0 : 1;
    }

    /// <summary>The hidden command a child runs: <c>scale-run --factor N --root DIR --min-free-gb G [--probe] [--skip-intake] [--skip-monthly] [--keep]</c>.</summary>
    public static int RunOne(string[] args) =>
        new ScaleRun(int.Parse(Values(args, "--factor").Single()), Values(args, "--root").Single(),
                Values(args, "--min-free-gb").Select(double.Parse).DefaultIfEmpty(8).Last(), args.Contains("--keep"), args.Contains("--probe"), args.Contains("--skip-intake"), args.Contains("--skip-monthly"))
            .RunAsync().GetAwaiter().GetResult();

    private static FactorResult RunChild(int factor, IReadOnlyDictionary<string, string> env, string? postgres, TimeSpan timeout, double minFreeGb, string dataDir, bool keep, bool probe, bool skipIntake, bool skipMonthly)
    {
        var result = new FactorResult(factor) { SkippedIntake = skipIntake, SkippedMonthly = skipMonthly };
        // Made here and removed here, so a child that is stopped leaves nothing behind.
        var root = Directory.CreateDirectory(Path.Combine(dataDir, $"rw-scale-{factor}x-{Guid.NewGuid():N}")).FullName;
        result.LoadBefore = LoadAverage();
        var info = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet") info.ArgumentList.Add(typeof(ScaleCommand).Assembly.Location);
        foreach (var a in (string[])["scale-run", "--factor", factor.ToString(CultureInfo.InvariantCulture), "--root", root, "--min-free-gb", minFreeGb.ToString(CultureInfo.InvariantCulture)])
            info.ArgumentList.Add(a);
        if (keep) info.ArgumentList.Add("--keep");
        if (probe) info.ArgumentList.Add("--probe");
        if (skipIntake) info.ArgumentList.Add("--skip-intake");
        if (skipMonthly) info.ArgumentList.Add("--skip-monthly");
        // The worker runs with the runtime's default GC (workstation, concurrent); this project turns concurrent off for BenchmarkDotNet.
        info.Environment["DOTNET_gcConcurrent"] = "1";
        foreach (var (name, value) in env) info.Environment[name] = value;
        result.Environment = string.Join(" ", env.Select(e => $"{e.Key}={e.Value}"));
        var database = postgres is null ? null : ScaleDatabase.Create(postgres, factor);
        if (database is not null)
        {
            info.Environment["Data__Provider"] = "Postgres";
            info.Environment["Data__ConnectionString"] = database.ConnectionString;
            result.Environment = $"PostgreSQL {database.ServerVersion} {result.Environment}".Trim();
        }
        using var child = new Process { StartInfo = info };
        child.OutputDataReceived += (_, e) => { if (!string.IsNullOrWhiteSpace(e.Data)) lock (result) result.Read(e.Data); };
        child.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine(e.Data); };
        var watch = Stopwatch.StartNew();
        child.Start();
        child.BeginOutputReadLine();
        child.BeginErrorReadLine();
        if (!child.WaitForExit(timeout))
        {
            child.Kill(entireProcessTree: true);
            child.WaitForExit();
            result.Failure = $"stopped after {timeout.TotalMinutes:0} min in stage '{result.Running ?? "setup"}'";
        }
        child.WaitForExit(); // drains the redirected streams
        if (result.Failure is null && child.ExitCode != 0)
            result.Failure = $"exited with code {child.ExitCode} in stage '{result.Running ?? "setup"}'";
        result.LoadAfter = LoadAverage();
        if (!keep) try { Directory.Delete(root, recursive: true); } catch (IOException) { }
        if (!keep) database?.Drop();
        Console.Error.WriteLine($"[{factor}×] child process finished in {watch.Elapsed.TotalSeconds:0.0} s{(result.Failure is null ? "" : ": " + result.Failure)}");
        return result;
    }

    /// <summary>The machine is shared: the 1-minute load average before and after each run goes with its figures.</summary>
    private static string LoadAverage() => File.ReadAllText("/proc/loadavg").Split(' ')[0];

    private static IEnumerable<string> Values(string[] args, string name)
    {
        for (var i = 0; i < args.Length - 1; i++)
            if (args[i] == name) yield return args[i + 1];
    }
}
