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
            ["Schedule__Cluster__CheckinMisfireThresholdSeconds"] = "4",
            ["Schedule__Jobs__forms__Cron"] = Once(formsAt),
            ["Schedule__Jobs__forms__WorkingDaysOnly"] = "false",
            ["Schedule__Jobs__monthly-notice__Cron"] = Once(noticeAt),
            ["Schedule__Jobs__monthly-notice__WorkingDaysOnly"] = "false",
            ["Schedule__Jobs__outbox__Cron"] = "*/2 * * * * ?",
            ["Schedule__Jobs__intake-folder__Cron"] = "*/3 * * * * ?",
            ["Schedule__Jobs__reminders__Enabled"] = "false",
            ["Schedule__Jobs__quarterly-notice__Enabled"] = "false",
            ["Logging__LogLevel__ReportWorker.Scheduling"] = "Debug",
            // Whichever node starts the 月通报 dies on the spot; a recovering run does not stop there.
            ["REPORTWORKER_CRASH_AT"] = "job-started-monthly-notice:1",
        };
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
        {
            var node = new RehearsalWorker(_world.Root, Node(name, formsAt, noticeAt), now, speed: 1);
            _nodes.Add(node);
            node.Start();
        }
        foreach (var node in _nodes) node.WaitFor(() => node.Log.Contains("Application started"), "both nodes to start");

        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (_nodes.All(n => !n.HasExited) && DateTime.UtcNow < deadline) Thread.Sleep(100);
        Assert.Single(_nodes, n => n.HasExited);
        var survivor = Assert.Single(_nodes, n => !n.HasExited);
        survivor.WaitFor(() => Mail("monthly-notice").Count == 2 && Mail("form").Count == 3, "the survivor to finish the notice and deliver everything", TimeSpan.FromSeconds(60));
        Thread.Sleep(3000);   // a few more outbox fires: nothing may go twice
        Assert.Equal(0, survivor.Stop());

        // The dead node's last log lines may never have left its buffer; Quartz's recovery run is the proof it held the job.
        Assert.Matches(@"Fire monthly-notice scheduled \S+ on \S+ \(recovering: True\)", survivor.Log);
        var ids = _smtp.Received.Select(r => r.Message.MessageId).ToArray();
        Assert.Equal(ids.Length, ids.Distinct().Count());
        using var c = new NpgsqlConnection(_world.Settings["Data:ConnectionString"]);
        var runs = c.Query<(string Job, string Period, string Status)>("SELECT job, period, status FROM job_runs ORDER BY id").ToArray();
        Assert.Equal(1, runs.Count(r => r is { Job: "monthly-notice", Status: "done" }));
        Assert.Equal(1, runs.Count(r => r is { Job: "forms", Status: "done" }));

        // Every scheduled fire ran on exactly one node (recoveries aside), and both nodes took turns.
        var fires = _nodes.SelectMany(n => FireLine().Matches(n.Log).Select(m => (Job: m.Groups[1].Value, At: m.Groups[2].Value, Node: m.Groups[3].Value, Recovering: m.Groups[4].Value)))
            .Where(f => f.Recovering == "False").ToArray();
        Assert.True(fires.Length > 10, $"only {fires.Length} fires");
        Assert.All(fires.GroupBy(f => (f.Job, f.At)), g => Assert.Single(g));
        Assert.Equal(2, fires.Select(f => f.Node).Distinct().Count());
    }

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
