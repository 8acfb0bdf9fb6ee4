using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace ReportWorker.Benchmarks.Soak;

/// <summary>
/// The real worker executable run as the service (no command) on the rehearsal clock: simulated time is
/// <c>SimulatedStart + (real now − RealStart) × Speed</c>, the formula the worker's own RehearsalClock uses.
/// Optionally under <c>strace -f -e trace=openat</c>, to count file opens from outside the process. Its
/// stdout goes to a log file; lines that name a font file are counted as they pass.
/// </summary>
internal sealed partial class SoakWorker : IDisposable
{
    private readonly Process _process;
    private readonly StreamWriter _log;
    private readonly Dictionary<string, int> _fontLines = new(StringComparer.Ordinal);

    /// <param name="warmUp">Real time given to start-up before the simulated clock reaches <paramref name="simulatedStart"/>
    /// (it reads earlier until then), so the first day's fires are not spent starting the process.</param>
    public SoakWorker(string dll, string workingDirectory, IDictionary<string, string> environment, DateTimeOffset simulatedStart, double speed, TimeSpan warmUp, string logPath, string? straceLog)
    {
        (SimulatedStart, Speed) = (simulatedStart, speed);
        _log = new StreamWriter(logPath) { AutoFlush = true };
        var info = Info(dll, workingDirectory, environment, straceLog is null ? [] : ["strace", "-f", "--seccomp-bpf", "-qq", "-e", "trace=openat", "-e", "signal=none", "-o", straceLog]);
        RealStart = DateTimeOffset.UtcNow + warmUp;
        info.Environment["Clock__SimulatedStart"] = simulatedStart.ToString("O", CultureInfo.InvariantCulture);
        info.Environment["Clock__RealStart"] = RealStart.ToString("O", CultureInfo.InvariantCulture);
        info.Environment["Clock__Speed"] = speed.ToString(CultureInfo.InvariantCulture);
        _process = new Process { StartInfo = info };
        _process.OutputDataReceived += (_, e) => { if (e.Data is not null) Line(e.Data); };
        _process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Line("ERR " + e.Data); };
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        // Under strace the worker is strace's child; its memory is what is measured.
        Pid = straceLog is null ? _process.Id : ChildOf(_process.Id);
    }

    public DateTimeOffset SimulatedStart { get; }
    public DateTimeOffset RealStart { get; }
    public double Speed { get; }
    public int Pid { get; }
    public bool HasExited => _process.HasExited;
    public DateTimeOffset SimulatedAt(DateTimeOffset real) => SimulatedStart + (real - RealStart) * Speed;
    public DateTimeOffset SimulatedNow => SimulatedAt(DateTimeOffset.UtcNow);

    /// <summary>Log lines that name a .ttf/.otf/.ttc file, by file, and the first such line.</summary>
    public (IReadOnlyDictionary<string, int> ByFile, string? Example) FontLines { get { lock (_fontLines) return (new Dictionary<string, int>(_fontLines), _fontExample); } }
    private string? _fontExample;

    /// <summary>A one-shot command of the same executable (import units …), run to the end.</summary>
    public static (int ExitCode, string Output) Run(string dll, string workingDirectory, IDictionary<string, string> environment, params string[] args)
    {
        var info = Info(dll, workingDirectory, environment, []);
        foreach (var a in args) info.ArgumentList.Add(a);
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5))) { process.Kill(entireProcessTree: true); throw new TimeoutException(string.Join(' ', args)); }
        return (process.ExitCode, output.Result + error.Result);
    }

    /// <summary>SIGTERM, as systemd stops the service; the worker waits for running jobs (up to 60 s).</summary>
    public int Stop()
    {
        Process.Start("kill", ["-TERM", Pid.ToString(CultureInfo.InvariantCulture)])!.WaitForExit();
        if (!_process.WaitForExit(TimeSpan.FromSeconds(90))) { _process.Kill(entireProcessTree: true); throw new TimeoutException("the worker did not stop within 90 s of SIGTERM"); }
        _process.WaitForExit(); // drains the redirected streams
        return _process.ExitCode;
    }

    public void Dispose()
    {
        if (!_process.HasExited) { _process.Kill(entireProcessTree: true); _process.WaitForExit(); }
        _process.Dispose();
        lock (_log) _log.Dispose();
    }

    private static ProcessStartInfo Info(string dll, string workingDirectory, IDictionary<string, string> environment, string[] prefix)
    {
        var info = new ProcessStartInfo(prefix.Length > 0 ? prefix[0] : "dotnet") { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in prefix.Skip(1)) info.ArgumentList.Add(a);
        if (prefix.Length > 0) info.ArgumentList.Add("dotnet");
        info.ArgumentList.Add(dll);
        info.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (k, v) in environment) info.Environment[k] = v;
        return info;
    }

    private void Line(string line)
    {
        lock (_log) _log.WriteLine(line);
        var match = FontPath().Match(line);
        if (!match.Success) return;
        lock (_fontLines)
        {
            _fontLines[match.Value] = _fontLines.GetValueOrDefault(match.Value) + 1;
            _fontExample ??= line.Trim();
        }
    }

    /// <summary>The process whose parent is <paramref name="parent"/> (strace forks the worker as soon as it starts).</summary>
    private static int ChildOf(int parent)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (DateTime.UtcNow < deadline)
        {
            foreach (var dir in Directory.EnumerateDirectories("/proc"))
            {
                if (!int.TryParse(Path.GetFileName(dir), out var pid)) continue;
                try
                {
                    var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                    // pid (comm) state ppid …; comm may hold spaces and parentheses, so read after the last ')'.
                    var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                    if (int.Parse(fields[1], CultureInfo.InvariantCulture) == parent) return pid;
                }
                catch (IOException) { } // the process ended while being read
            }
            Thread.Sleep(20);
        }
        throw new InvalidOperationException($"strace (pid {parent}) did not start the worker within 10 s");
    }

    [GeneratedRegex(@"/[^\s""'“”()]+?\.(?:ttf|otf|ttc)\b", RegexOptions.IgnoreCase)] private static partial Regex FontPath();
}
