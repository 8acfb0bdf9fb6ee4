using System.Globalization;

namespace ReportWorker.Benchmarks.Soak;

internal sealed record SoakOptions(DateOnly From, int Months, double Speed, string? Out, string Worker, string Samples, string DataDir, bool Keep, bool Strace, string Repository, IReadOnlyDictionary<string, string> Env);

/// <summary>
/// <c>soak [--from 2025-03-24] [--months 10] [--speed 43200] [--out report.md] [--worker DLL] [--samples DIR] [--data-dir DIR] [--no-strace] [--keep] [--env NAME=VALUE]...</c>:
/// runs the real service on the rehearsal clock for that many simulated months on the sample province, returns
/// each month's forms into its inbox, and prints resident memory per simulated month, how often each font file
/// was opened, and every notice issued. See README, <c>soak</c>.
/// </summary>
internal static class SoakCommand
{
    public static int Run(string[] args)
    {
        var repository = RepositoryRoot();
        var strace = !args.Contains("--no-strace") && OnPath("strace");
        var options = new SoakOptions(
            DateOnly.ParseExact(Value(args, "--from") ?? "2025-03-24", "yyyy-MM-dd", CultureInfo.InvariantCulture),
            int.Parse(Value(args, "--months") ?? "10", CultureInfo.InvariantCulture),
            double.Parse(Value(args, "--speed") ?? "43200", CultureInfo.InvariantCulture),
            Value(args, "--out") is { } o ? Path.GetFullPath(o) : null,
            Path.GetFullPath(Value(args, "--worker") ?? Path.Combine(repository, "src", "ReportWorker", "bin", "Release", "net10.0", "ReportWorker.dll")),
            Path.GetFullPath(Value(args, "--samples") ?? Path.Combine(repository, "samples")),
            Value(args, "--data-dir") ?? Path.GetTempPath(),
            args.Contains("--keep"), strace, repository,
            // --env sets a variable for the worker only (a log level, a GC setting); it wins over the soak's own settings.
            args.Zip(args.Skip(1)).Where(p => p.First == "--env").Select(p => p.Second.Split('=', 2)).ToDictionary(e => e[0], e => e.Length > 1 ? e[1] : ""));
        if (!File.Exists(options.Worker))
        {
            Console.Error.WriteLine($"{options.Worker} not found: build the worker first (dotnet build -c Release src/ReportWorker), or pass --worker.");
            return 2;
        }
        if (options.Months < 1 || options.Speed <= 0) { Console.Error.WriteLine("--months must be at least 1 and --speed above 0."); return 2; }
        return new SoakRun(options).RunAsync().GetAwaiter().GetResult();
    }

    private static string? Value(string[] args, string name)
    {
        var i = Array.LastIndexOf(args, name);
        return i >= 0 && i < args.Length - 1 ? args[i + 1] : null;
    }

    private static string RepositoryRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "ReportWorker.sln"))) return dir.FullName;
        return Directory.GetCurrentDirectory();
    }

    private static bool OnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Any(d => d.Length > 0 && File.Exists(Path.Combine(d, program)));
}
