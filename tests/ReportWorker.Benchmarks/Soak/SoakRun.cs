using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using ReportWorker.Benchmarks.Scale;
using ReportWorker.Calendar;
using ReportWorker.Forms;
using ReportWorker.Ledger;
using ReportWorker.Periods;
using ReportWorker.Scheduling;

namespace ReportWorker.Benchmarks.Soak;

/// <summary>
/// One soak: a fresh data folder with the sample province imported by the worker's own <c>import</c> commands,
/// the service started on the rehearsal clock with mail going to a loopback SMTP server in this process, each
/// month's forms filled and dropped into <c>data/inbox/</c> (see <see cref="ReturnPlan"/>), the worker's VmRSS
/// read every real second, and SIGTERM at the end.
/// </summary>
internal sealed partial class SoakRun(SoakOptions o)
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);
    private readonly Stopwatch _wall = new();
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(5);

    /// <summary>
    /// About 80 ms of real time, in simulated seconds (3,600 at 43,200×). Quartz 4.7 waits for its next trigger, and
    /// idles, with Monitor.Wait on real time: only "now" comes from the TimeProvider. At a fast clock its scheduler
    /// thread is therefore woken by job completions and by the misfire handler, which sleeps one misfire threshold
    /// on the (scaled) clock and signals when it finds a late trigger. With the largest threshold (86,400 s, 2 s real)
    /// fires came in bursts every ~4 s real and ran up to two simulated days late; a daily reminder was merged away.
    /// At this value a fire runs about one simulated hour late, as a misfire fired once (FireAndProceed).
    /// </summary>
    private int MisfireThreshold => (int)Math.Clamp(o.Speed / 12, 60, 86_400);

    public async Task<int> RunAsync()
    {
        var root = Directory.CreateDirectory(Path.Combine(o.DataDir, $"rw-soak-{Guid.NewGuid():N}")).FullName;
        var data = Path.Combine(root, "data");
        var env = new Dictionary<string, string> { ["Data__Root"] = data };
        _wall.Start();
        Log($"data folder {root}; worker {o.Worker}");
        Import(root, env, "units", Path.Combine(o.Samples, "units.xlsx"));
        Import(root, env, "tasks", Path.Combine(o.Samples, "tasks.xlsx"), "--year", "2025");

        await using var smtp = new LoopbackSmtpServer();
        foreach (var (k, v) in smtp.Settings()) env[k.Replace(":", "__", StringComparison.Ordinal)] = v ?? "";
        env["Intake__Mailbox__Host"] = "";
        env["Intake__SettleSeconds"] = "0"; // the harness writes each file under a .tmp name and renames it
        env["Schedule__MisfireThresholdSeconds"] = MisfireThreshold.ToString(CultureInfo.InvariantCulture);
        // Continuous jobs at a rehearsal pace: intake every four simulated hours, mail every two (half as often as
        // MonthRehearsalTests): each fire is a few fsynced transactions in Quartz's SQLite store, on two shared cores.
        env["Schedule__Jobs__intake-folder__Cron"] = "0 0 */4 * * ?";
        env["Schedule__Jobs__intake-mailbox__Enabled"] = "false";
        env["Schedule__Jobs__outbox__Cron"] = "0 0 */2 * * ?";
        // Real time on every log line, to tell a slow job from a stalled scheduler.
        env["Logging__Console__FormatterName"] = "simple";
        env["Logging__Console__FormatterOptions__TimestampFormat"] = "HH:mm:ss.fff ";
        foreach (var (k, v) in o.Env) env[k] = v;

        var templates = Path.Combine(Path.GetDirectoryName(o.Worker)!, "templates");
        var layout = FormLayout.Load(templates);
        var calendar = WorkingCalendar.Load(Path.Combine(templates, "calendar", "holidays.json"));
        var ledger = new SoakLedger(Path.Combine(data, "reportworker.db"));
        var start = new DateTimeOffset(o.From.ToDateTime(TimeOnly.MinValue), China);
        var end = start.AddMonths(o.Months);
        var straceLog = o.Strace ? Path.Combine(root, "strace-openat.txt") : null;
        var loadBefore = LoadAverage();
        var samples = new List<RssSample>();
        var returns = new List<string>();
        var pending = new List<Drop>();
        var planned = new HashSet<ReportMonth>();
        long peakKb = 0;
        var runStarted = _wall.Elapsed;

        using (var worker = new SoakWorker(o.Worker, root, env, start, o.Speed, WarmUp, Path.Combine(root, "worker.log"), straceLog))
        {
            Log($"worker pid {worker.Pid}{(straceLog is null ? "" : " (under strace)")}; simulated {start:yyyy-MM-dd} → {end:yyyy-MM-dd}, one simulated day = {86_400 / o.Speed:0.00} s");
            var nextSample = DateTimeOffset.MinValue;
            var nextProgress = start;
            while (!worker.HasExited)
            {
                var now = DateTimeOffset.UtcNow;
                var simulated = worker.SimulatedAt(now).ToOffset(China);
                if (simulated >= end) break;
                if (now >= nextSample)
                {
                    nextSample = now.AddSeconds(1);
                    if (Rss(worker.Pid) is > 0 and var kb) samples.Add(new RssSample(now, simulated, kb, Proc.CpuSeconds(worker.Pid.ToString(CultureInfo.InvariantCulture))));
                    var month = ReportMonth.Of(simulated);
                    if (!planned.Contains(month) && ledger.Done("forms", month.ToString()))
                    {
                        planned.Add(month);
                        var forms = Directory.GetFiles(Path.Combine(data, "forms", month.ToString()), "*.xlsx");
                        var (drops, missing) = ReturnPlan.For(month, forms, simulated, calendar);
                        pending.AddRange(drops);
                        returns.Add($"{month}: forms seen {simulated:MM-dd HH:mm}; {drops.Count(d => !d.Late)} returned on time, " +
                                    $"{drops.Count(d => d.Late)} late ({string.Join(", ", drops.Where(d => d.Late).Select(d => Unit(d.Form)))}), not returned: {Unit(missing)}");
                    }
                }
                foreach (var drop in pending.Where(d => d.At <= simulated).ToArray())
                {
                    Return(drop, layout, Path.Combine(data, "inbox"));
                    pending.Remove(drop);
                }
                if (simulated >= nextProgress)
                {
                    nextProgress = nextProgress.AddDays(7);
                    Log($"simulated {simulated:yyyy-MM-dd HH:mm}: rss {(samples.Count == 0 ? 0 : samples[^1].Kb / 1024)} MB; {smtp.Messages} mails received");
                }
                await Task.Delay(100);
            }
            if (worker.HasExited) Log("the worker exited before the end of the soak; see worker.log");
            peakKb = worker.HasExited ? 0 : Rss(worker.Pid, "VmHWM");
            var fontLines = worker.FontLines;
            var exit = worker.HasExited ? -1 : worker.Stop();
            Log($"worker stopped (exit code {exit}) after {(_wall.Elapsed - runStarted).TotalMinutes:0.0} min");

            var report = new SoakReport
            {
                Heading = $"soak: {start:yyyy-MM-dd} to {end:yyyy-MM-dd} at {o.Speed:0}× ({DateTime.Now:yyyy-MM-dd HH:mm})",
                Samples = samples, PeakKb = peakKb, FontLines = fontLines,
                FontOpens = straceLog is null ? null : FontOpens(straceLog),
                StraceNote = straceLog is null ? "strace was not used (not installed, or --no-strace): opens are not counted." : "Opens counted with `strace -f -e trace=openat` (successful calls).",
                Runs = ledger.Runs(), Counts = ledger.Counts(),
                Briefings = Directory.Exists(Path.Combine(data, "briefings")) ? Directory.GetFiles(Path.Combine(data, "briefings"), "*.pdf", SearchOption.AllDirectories).Select(f => Path.GetFileName(f)).ToArray() : [],
                Returns = returns,
                Notes =
                [
                    $"Command: `dotnet run -c Release --project tests/ReportWorker.Benchmarks -- soak --from {o.From:yyyy-MM-dd} --months {o.Months} --speed {o.Speed:0}`; worker at commit {Commit()}.",
                    $"Real time: {(_wall.Elapsed - runStarted).TotalMinutes:0.0} min for the service ({_wall.Elapsed.TotalMinutes:0.0} min with the imports); one simulated day = {86_400 / o.Speed:0.00} s. Load average {loadBefore} before, {LoadAverage()} after ({Environment.ProcessorCount} cores).",
                    $"RSS: VmRSS of the worker process read every real second; simulated time = start + (real − RealStart) × speed. Exit code after SIGTERM: {exit}.",
                    $"Mail: to a loopback SMTP server in the harness, {smtp.Messages} messages ({smtp.Bytes / 1e6:0.0} MB) received. Misfire threshold {MisfireThreshold:N0} s; intake every 4 simulated hours, outbox every 2; the clock reaches the start 5 s (real) after the worker is launched.",
                    $"Worker log: {LogCount(root, "warn:")} warnings, {LogCount(root, "fail:") + LogCount(root, "crit:")} errors, {LogCount(root, "misfire")} lines mentioning a misfire{(o.Keep ? $" ({Path.Combine(root, "worker.log")})" : "")}.",
                ],
            };
            var markdown = report.ToMarkdown();
            Console.WriteLine(markdown);
            if (o.Out is not null) { File.WriteAllText(o.Out, markdown); Log($"written to {o.Out}"); }
        }
        if (o.Keep) Log($"kept {root}");
        else try { Directory.Delete(root, recursive: true); } catch (IOException) { }
        return planned.Count >= o.Months - 1 ? 0 : 1;
    }

    private void Import(string root, Dictionary<string, string> env, string what, params string[] args)
    {
        var (code, output) = SoakWorker.Run(o.Worker, root, env, ["import", what, .. args]);
        if (code != 0) throw new InvalidOperationException($"import {what} failed ({code}): {output}");
        Log($"import {what}: {output.Trim().Split('\n').LastOrDefault()}");
    }

    /// <summary>A liaison fills the form the worker sent and saves it into the shared folder.</summary>
    private static void Return(Drop drop, FormLayout layout, string inbox)
    {
        var month = ReportMonth.Parse(Path.GetFileName(drop.Form)[..7]);
        var filled = FormFiller.Fill(File.ReadAllBytes(drop.Form), layout, month);
        var target = Path.Combine(inbox, Path.GetFileName(drop.Form));
        Directory.CreateDirectory(inbox);
        File.WriteAllBytes(target + ".tmp", filled);
        File.Move(target + ".tmp", target, overwrite: true);
    }

    private static IReadOnlyDictionary<string, int> FontOpens(string straceLog) =>
        File.ReadLines(straceLog).Select(l => OpenedFont().Match(l)).Where(m => m.Success)
            .GroupBy(m => m.Groups[1].Value).ToDictionary(g => g.Key, g => g.Count());

    private static long Rss(int pid, string field = "VmRSS")
    {
        try { return Proc.Kb(field, pid.ToString(CultureInfo.InvariantCulture)); }
        catch (IOException) { return 0; } // the process has just ended
    }

    private static string Unit(string form) => Path.GetFileName(form).Split('_') is [_, var code, var name, ..] ? $"{code} {name}" : form;
    private static string LoadAverage() => File.ReadAllText("/proc/loadavg").Split(' ')[0];
    private static int LogCount(string root, string text) =>
        File.ReadLines(Path.Combine(root, "worker.log")).Count(l => l.Contains(text, StringComparison.OrdinalIgnoreCase));

    private string Commit()
    {
        try
        {
            var info = new ProcessStartInfo("git", ["-C", o.Repository, "describe", "--always", "--dirty"]) { RedirectStandardOutput = true, RedirectStandardError = true };
            using var git = Process.Start(info)!;
            var text = git.StandardOutput.ReadToEnd().Trim();
            git.WaitForExit();
            return git.ExitCode == 0 ? text : "unknown";
        }
        catch (System.ComponentModel.Win32Exception) { return "unknown (no git)"; }
    }

    private void Log(string line) => Console.Error.WriteLine($"[soak {_wall.Elapsed.TotalSeconds,6:0}s] {line}");

    // 1234 openat(AT_FDCWD, "/path/NotoSerifSC-Regular.ttf", O_RDONLY|O_CLOEXEC) = 57
    [GeneratedRegex(@"openat\([^,]+, ""([^""]+\.(?:ttf|otf|ttc))"".*\) = \d+", RegexOptions.IgnoreCase)] private static partial Regex OpenedFont();
}
