using ReportWorker.Assessment;
using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using ReportWorker.Briefings;
using ReportWorker.Delivery;
using ReportWorker.Forms;
using ReportWorker.Hosting;
using ReportWorker.Intake;
using ReportWorker.Ledger;
using ReportWorker.Registry;
using ReportWorker.Storage;
using ReportWorker.Periods;

namespace ReportWorker.Benchmarks.Scale;

/// <summary>
/// One factor, in its own process (the hidden <c>scale-run</c> command): the whole month through the real
/// host and services on a throw-away data folder, each stage timed. Results go to stdout as JSON lines
/// (see <see cref="ScaleReport"/>); progress goes to stderr.
/// </summary>
internal sealed class ScaleRun(int factor, string root, double minFreeGb, bool keep, bool probe, bool skipIntake, bool skipMonthly)
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2025, 3, 20, 9, 0, 0, China));
    private readonly Stopwatch _total = new();
    private string _stage = "setup";

    /// <summary>Marks the stage that runs once a year: reported, but not in the month's sum.</summary>
    public const string Yearly = "(yearly)";
    private readonly Stopwatch _inStage = new();

    internal static long FolderBytes(string root) =>
        Directory.Exists(root) ? new DirectoryInfo(root).EnumerateFiles("*", SearchOption.AllDirectories).Sum(f => f.Length) : 0;

    public async Task<int> RunAsync()
    {
        _total.Start();
        await using var smtp = new LoopbackSmtpServer();
        using var watchdog = new Watchdog(root, minFreeGb, smtp, () => (_stage, _inStage.Elapsed.TotalSeconds), Log);
        try
        {
            var builder = WorkerHost.CreateBuilder([], quietConsole: true);
            var settings = smtp.Settings();
            settings["Data:Root"] = Path.Combine(root, "data");
            settings["Intake:Mailbox:Host"] = "";
            builder.Configuration.AddInMemoryCollection(settings);
            builder.Services.AddSingleton<TimeProvider>(_clock);
            using var host = builder.Build();
            T Get<T>() where T : notnull => host.Services.GetRequiredService<T>();
            Get<SchemaMigrator>().Migrate();

            var province = new ScaleProvince(factor);
            var probes = probe ? new Probes(host.Services, province) : null;
            var (unitsFile, tasksFile) = province.WriteRegistry(root);
            Log($"GC: {(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")}, {System.Runtime.GCSettings.LatencyMode}; {Environment.ProcessorCount} cores");
            Log($"{province.Units.Count} units, {province.Tasks.Count} tasks, {province.TasksOf.Values.Sum(t => t.Count)} form rows; data in {root}");

            Stage("1 import", () =>
            {
                var u = Get<UnitImporter>().Import(unitsFile);
                var t = Get<TaskImporter>().Import(tasksFile, year: 2025);
                return (u.Rows + t.Rows, "rows", $"{u.Added} units, {t.Added} tasks added");
            });

            var seeded = Setup("seed January and February", () => LedgerSeed.Write(Get<LedgerDatabase>(), province, ScaleProvince.History));
            Log($"  {seeded} entries for {ScaleProvince.History.Length} earlier months");

            SetLocal(2025, 3, 25, 9);
            Stage("2 forms", () =>
            {
                var forms = Get<FormService>().Generate(ScaleProvince.Month, null, null, send: true);
                return (forms.Count, "forms", $"{forms.Count(f => f.Queued)} queued, {forms.Sum(f => f.TaskCount)} rows");
            });

            probes?.AfterForms();

            SetLocal(2025, 4, 3, 10);
            if (skipIntake)
            {
                // --skip-intake: March goes straight into the ledger like the earlier months, so the later stages can be
                // measured at a factor whose intake would take too long; no receipts are queued.
                Setup("seed March instead of stage 3", () => LedgerSeed.Write(Get<LedgerDatabase>(), province, [ScaleProvince.Month]));
                if (probes is not null)
                {
                    // One returned form, to time what the intake would do per file against this registry.
                    var one = Path.Combine(root, "probe");
                    Directory.CreateDirectory(one);
                    WriteReturnedForms(province, province.Units.TakeLast(1), Get<FormService>(), Get<FormLayoutProvider>().Current, one);
                    probes.AfterIntake(Directory.EnumerateFiles(one).Single());
                }
            }
            else
            {
                var inbox = Get<DataPaths>().Inbox;
                var bytes = Setup("write returned forms", () => WriteReturnedForms(province, province.Units, Get<FormService>(), Get<FormLayoutProvider>().Current, inbox));
                Log($"  {province.Units.Count} files, {bytes / 1e6:0.0} MB in the inbox");
                Stage("3 intake", () =>
                {
                    var outcomes = Get<FolderIntake>().ProcessInbox(TimeSpan.Zero);
                    var rejected = outcomes.Where(o => !o.IsAccepted).ToArray();
                    if (rejected.Length > 0) Log($"  first rejection: {rejected[0].Errors.FirstOrDefault()}");
                    return (outcomes.Count, "files", $"{outcomes.Count - rejected.Length} accepted, {rejected.Length} rejected");
                });
                probes?.AfterIntake(Directory.EnumerateFiles(Get<DataPaths>().InboxProcessed).Order().Last());
            }

            SetLocal(2025, 4, 8, 9);
            // --skip-monthly: no 月通报 at all, so the 季督办 and the delivery can be measured at a factor where
            // queuing the 月通报 to every unit does not fit on the disk.
            if (!skipMonthly) Stage("4 月通报", () =>
            {
                var watch = Stopwatch.StartNew();
                var notice = Get<BriefingService>().Monthly(ScaleProvince.Month, null, reissue: false);
                var made = watch.Elapsed.TotalSeconds;
                Part($"made in {made:0.00} s: {notice.Document.PageCount} pages, {notice.Document.Pdf.Length / 1e6:0.0} MB; queuing it to {Get<RegistryStore>().Units().Count + 1} recipients' groups");
                var queued = Get<BriefingMailer>().QueueMonthly(notice);
                return (notice.Figures.AllTasks.Count, "tasks",
                    $"{notice.Document.PageCount} pages, {notice.Document.Pdf.Length / 1e6:0.0} MB; made {made:0.00} s, {queued} mails queued {watch.Elapsed.TotalSeconds - made:0.00} s");
            });

            probes?.AfterMonthly();

            SetLocal(2025, 4, 10, 9);
            Stage("5 季督办", () =>
            {
                var watch = Stopwatch.StartNew();
                var quarter = Get<QuarterlyService>().Quarterly(Quarter.Of(ScaleProvince.Month), null, reissue: false);
                var made = watch.Elapsed.TotalSeconds;
                Part($"made in {made:0.00} s: summary {quarter.Summary.PageCount} pages, {quarter.Slips.Count} 督办单");
                var queued = Get<BriefingMailer>().QueueQuarterly(quarter);
                return (quarter.Slips.Count, "督办单",
                    $"{quarter.Figures.Items.Count} items, summary {quarter.Summary.PageCount} pages; made {made:0.00} s, {queued} mails queued {watch.Elapsed.TotalSeconds - made:0.00} s");
            });

            probes?.BeforeDelivery();

            var delivered = await StageAsync("6 delivery", async () =>
            {
                int sent = 0, runs = 0;
                while (true)
                {
                    var result = await Get<OutboxSender>().DeliverDueAsync(CancellationToken.None);
                    runs++;
                    sent += result.Sent;
                    if (result.Sent == 0) break; // nothing due, or nothing deliverable (a retry waits on the frozen clock)
                }
                var counts = string.Join(", ", Get<OutboxAdmin>().Counts().Select(c => $"{c.Count} {c.State.ToStored()}"));
                return (sent, "mails", $"{runs} runs, {smtp.Messages} received, {smtp.Bytes / 1e6:0.0} MB; outbox: {counts}");
            });

            // Once a year, not once a month: after the month's six stages and outside their sum. December is not
            // due in this April, so the draft is forced; the facts cover the months the ledger has (January–March).
            SetLocal(2025, 4, 11, 9);
            Stage($"7 年考核 {Yearly}", () =>
            {
                var watch = Stopwatch.StartNew();
                var result = Get<AssessmentService>().Compute(2025);
                var computed = watch.Elapsed.TotalSeconds;
                Part($"facts and scores for {result.Units.Count} units in {computed:0.00} s; writing the 反馈单");
                var (issued, queued) = Get<AssessmentPublisher>().Draft(2025, force: true);
                return (issued.Slips.Count, "反馈单", $"facts and scores {computed:0.00} s; draft {issued.Slips.Count} 反馈单 and {queued} mails queued {watch.Elapsed.TotalSeconds - computed:0.00} s");
            });

            ScaleReport.Emit(new { type = "done", factor, totalSeconds = _total.Elapsed.TotalSeconds, peakKb = Proc.Kb("VmHWM"), smtpMessages = smtp.Messages, smtpBytes = smtp.Bytes, dataBytes = FolderBytes(root) });
            return delivered.Items > 0 ? 0 : 1;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (keep) Log($"kept {root}");
        }
    }

    private static long WriteReturnedForms(ScaleProvince province, IEnumerable<Unit> units, FormService forms, FormLayout layout, string inbox)
    {
        long bytes = 0;
        foreach (var unit in units)
        {
            // The unit's own rows are passed in, so generating the files does not itself scan every task per unit.
            var model = forms.Model(unit, ScaleProvince.Month, province.TasksOf[unit.Code], province.Answers(unit.Code, ScaleProvince.Month));
            var path = Path.Combine(inbox, FormService.FileName(unit, ScaleProvince.Month));
            AtomicFile.Write(path, s => FormWriter.Write(s, model, layout));
            bytes += new FileInfo(path).Length;
        }
        return bytes;
    }

    private void Stage(string name, Func<(int Items, string Unit, string Detail)> work) =>
        StageAsync(name, () => Task.FromResult(work())).GetAwaiter().GetResult();

    private async Task<(int Items, string Unit, string Detail)> StageAsync(string name, Func<Task<(int Items, string Unit, string Detail)>> work)
    {
        ScaleReport.Emit(new { type = "begin", stage = name });
        Log($"{name} …");
        _stage = name;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var written = Proc.Io("write_bytes");
        _inStage.Restart();
        var result = await work();
        var seconds = _inStage.Elapsed.TotalSeconds;
        var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
        var diskMb = (Proc.Io("write_bytes") - written) / 1e6;
        _stage = "between stages";
        Log($"{name}: {result.Items} {result.Unit} in {seconds:0.000} s (cpu {cpuSeconds:0.0} s, {diskMb:0} MB written to disk); {result.Detail}");
        ScaleReport.Emit(new { type = "stage", stage = name, items = result.Items, unit = result.Unit, seconds, cpuSeconds, diskMb, detail = result.Detail, hwmKb = Proc.Kb("VmHWM"), rssKb = Proc.Kb("VmRSS") });
        return result;
    }

    /// <summary>A line about a stage still running (what it has made so far), kept by the parent in case the stage is stopped.</summary>
    private void Part(string note)
    {
        Log($"  {_stage}: {note}");
        ScaleReport.Emit(new { type = "part", stage = _stage, note });
    }

    private T Setup<T>(string name, Func<T> work)
    {
        _stage = $"setup: {name}";
        var watch = Stopwatch.StartNew();
        var result = work();
        Log($"setup: {name} {watch.Elapsed.TotalSeconds:0.0} s (not timed as a stage)");
        _stage = "between stages";
        return result;
    }

    private void SetLocal(int year, int month, int day, int hour) => _clock.SetUtcNow(new DateTimeOffset(year, month, day, hour, 0, 0, China));

    private void Log(string line) => Console.Error.WriteLine($"[{factor}× {_total.Elapsed.TotalSeconds,7:0.0}s] {line}");
}
