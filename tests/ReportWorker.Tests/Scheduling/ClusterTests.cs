using System.Globalization;
using System.Text.RegularExpressions;
using Dapper;
using Npgsql;
using ReportWorker.Tests.Support;

namespace ReportWorker.Tests.Scheduling;

/// <summary>
/// Two real worker processes on one PostgreSQL database form a Quartz cluster. Every fire runs on one
/// node only; the node that starts the 月通报 is killed at that moment, and the other node, seeing it
/// stop checking in, runs the job again and finishes it. Every message reaches the SMTP server once.
/// Which node takes which fire is Quartz's business (it promises no spreading of the load), so the test
/// does not ask for both to take turns.
/// </summary>
[Collection(nameof(RealTimeWorkers))]
public sealed partial class ClusterTests : IAsyncDisposable, IRunsOnPostgres
{
    private static readonly TimeZoneInfo Beijing = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
    private readonly TestWorld _world = new();
    private readonly SmtpTestServer _smtp = new();
    private readonly List<RehearsalWorker> _nodes = [];

    public ClusterTests() => _world.ImportSmallRegistry();

    private Dictionary<string, string> Node(string name, DateTimeOffset formsAt, DateTimeOffset noticeAt)
    {
        var env = new Dictionary<string, string>
        {
            ["Data__Root"] = Path.Combine(_world.Root, name),   // each node has its own disk; they share the database
            ["Data__Provider"] = "Postgres",
            ["Data__ConnectionString"] = _world.Settings["Data:ConnectionString"]!,
            ["Schedule__Cluster__CheckinIntervalSeconds"] = "1",
            // Long enough that a live node starved of CPU on a busy machine is not taken for dead.
            ["Schedule__Cluster__CheckinMisfireThresholdSeconds"] = "10",
            ["Schedule__Jobs__forms__Cron"] = Once(formsAt),
            ["Schedule__Jobs__forms__WorkingDaysOnly"] = "false",
            ["Schedule__Jobs__monthly-notice__Cron"] = Once(noticeAt),
            ["Schedule__Jobs__monthly-notice__WorkingDaysOnly"] = "false",
            ["Schedule__Jobs__outbox__Cron"] = "*/2 * * * * ?",
            ["Schedule__Jobs__intake-folder__Cron"] = "*/3 * * * * ?",
            ["Schedule__Jobs__reminders__Enabled"] = "false",
            ["Schedule__Jobs__quarterly-notice__Enabled"] = "false",
            ["Logging__LogLevel__ReportWorker.Scheduling"] = "Debug",
        };
        // Whichever node starts the 月通报 dies on the spot; a recovering run does not stop there.
        foreach (var (k, v) in CrashHarness.At("job-started-monthly-notice")) env[k] = v;
        foreach (var (k, v) in _smtp.Settings()) env[k.Replace(":", "__")] = v!;
        return env;
    }

    // A cron that fires once, at that second, in the committee's time zone.
    private static string Once(DateTimeOffset at)
    {
        var t = TimeZoneInfo.ConvertTime(at, Beijing);
        return string.Create(CultureInfo.InvariantCulture, $"{t.Second} {t.Minute} {t.Hour} {t.Day} {t.Month} ? {t.Year}");
    }

    [Fact]
    public void Two_nodes_fire_every_job_once_and_when_one_dies_mid_job_the_other_finishes_it()
    {
        // Real speed, on the morning of 8 April 2025: the 月通报 for March may be issued (its forms were due on 7 April).
        var now = new DateTimeOffset(2025, 4, 8, 8, 59, 0, TimeSpan.FromHours(8));
        var formsAt = now.AddSeconds(20);
        var noticeAt = now.AddSeconds(30);
        foreach (var name in new[] { "node-a", "node-b" })
            _nodes.Add(new RehearsalWorker(_world.Root, Node(name, formsAt, noticeAt), now, speed: 1));
        // The cluster's schedule is in the database before either node starts: a node slow to start on a busy
        // machine finds the two one-off fires waiting (late) instead of scheduling them after they have passed.
        _nodes[0].InstallSchedule();
        foreach (var node in _nodes) node.Start();

        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (_nodes.All(n => !n.HasExited) && DateTime.UtcNow < deadline) Thread.Sleep(100);
        var dead = Assert.Single(_nodes, n => n.HasExited);
        CrashHarness.AssertKilled(dead.WaitForExit(TimeSpan.Zero), "the node that started the 月通报", dead.Log);
        var survivor = Assert.Single(_nodes, n => !n.HasExited);
        survivor.WaitFor(() => Mail("monthly-notice").Count == 2 && Mail("form").Count == 3, "the survivor to finish the notice and deliver everything", TimeSpan.FromMinutes(2));
        // Three more outbox fires after everything was delivered: nothing may go twice.
        var outboxFires = OutboxFires(survivor);
        survivor.WaitFor(() => OutboxFires(survivor) >= outboxFires + 3, "three more outbox fires on the survivor");
        Assert.Equal(0, survivor.Stop());

        var ids = _smtp.Received.Select(r => r.Message.MessageId).ToArray();
        Assert.Equal(ids.Length, ids.Distinct().Count());
        // Each scheduled run is in the ledger once, done: the dead node died before recording its start,
        // and the survivor ran the 月通报 for the same occurrence, as a recovery.
        using var c = new NpgsqlConnection(_world.Settings["Data:ConnectionString"]);
        var runs = c.Query<(string Job, string Occurrence, string Status)>("SELECT job, occurrence, status FROM job_runs ORDER BY id")
            .Select(r => (r.Job, Occurrence: DateTimeOffset.Parse(r.Occurrence, CultureInfo.InvariantCulture), r.Status)).ToArray();
        Assert.Equal(2, runs.Length);
        var forms = Assert.Single(runs, r => r.Job == "forms");
        var notice = Assert.Single(runs, r => r.Job == "monthly-notice");
        Assert.Equal(("done", TruncatedToSecond(formsAt)), (forms.Status, forms.Occurrence));
        Assert.Equal(("done", TruncatedToSecond(noticeAt)), (notice.Status, notice.Occurrence));

        // Every scheduled fire ran on exactly one node; the 月通报's also ran once more, recovering, on the
        // survivor. (The dead node's last log lines may never have left its buffer, so its side is partial.)
        var fires = _nodes.SelectMany(Fires).ToArray();
        Assert.True(fires.Count(f => !f.Recovering) > 10, $"only {fires.Length} fires");
        Assert.All(fires.Where(f => !f.Recovering).GroupBy(f => (f.Job, f.At)), g => Assert.Single(g));
        var recovered = Fires(survivor).Where(f => f.Recovering).Select(f => f.Job).ToArray();
        Assert.Single(recovered, j => j == "monthly-notice");
        // A continuous job the dead node was in the middle of (outbox every 2 s, intake every 3 s) is recovered too.
        Assert.All(recovered.Where(j => j != "monthly-notice"), j => Assert.Contains(j, new[] { "outbox", "intake-folder" }));
        Assert.DoesNotContain(Fires(dead), f => f.Recovering);
    }

    private static IEnumerable<(string Job, string At, string Node, bool Recovering)> Fires(RehearsalWorker node) =>
        FireLine().Matches(node.Log).Select(m => (m.Groups[1].Value, m.Groups[2].Value, m.Groups[3].Value, m.Groups[4].Value == "True"));

    private static int OutboxFires(RehearsalWorker node) => FireLine().Matches(node.Log).Count(m => m.Groups[1].Value == "outbox");

    private static DateTimeOffset TruncatedToSecond(DateTimeOffset t) => new(t.Ticks - t.Ticks % TimeSpan.TicksPerSecond, t.Offset);

    private IReadOnlyList<ReceivedMail> Mail(string kind) => _smtp.Received.Where(r => r.Kind == kind).ToArray();

    [GeneratedRegex(@"Fire (\S+) scheduled (\S+) on (\S+) \(recovering: (True|False)\)")]
    private static partial Regex FireLine();

    public async ValueTask DisposeAsync()
    {
        foreach (var node in _nodes) node.Dispose();
        await _smtp.DisposeAsync();
        _world.Dispose();
    }
}
