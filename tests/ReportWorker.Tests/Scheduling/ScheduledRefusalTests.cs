using Dapper;
using Microsoft.Data.Sqlite;
using ReportWorker.Tests.Support;

namespace ReportWorker.Tests.Scheduling;

/// <summary>
/// The schedule never forces. On Thursday 8 October 2026, the first working day after National Day, the 09:00
/// 月通报 for September would come before September's forms are due (17:00 that day): the run is refused, takes
/// no issue number, alerts nobody, and runs at 09:00 the next working day.
/// </summary>
[Collection(nameof(RealTimeWorkers))]
public sealed class ScheduledRefusalTests : IAsyncDisposable
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);
    private readonly string _root = Directory.CreateTempSubdirectory("rw-refused-").FullName;
    private readonly SmtpTestServer _smtp = new();

    [Fact]
    public void A_notice_whose_forms_are_not_yet_due_waits_for_them_and_is_issued_as_number_one_the_next_morning()
    {
        using (var world = new TestWorld())
        {
            world.ImportSmallRegistry(2026); // the notice is for 2026-09: judged by 2026's list
            SqliteConnection.ClearAllPools();
            TestFiles.CopyDirectory(world.Paths.Root, Path.Combine(_root, "data"));
        }
        var env = new Dictionary<string, string>
        {
            ["Data__Root"] = Path.Combine(_root, "data"),
            ["Schedule__Jobs__outbox__Cron"] = "0 */10 * * * ?",
            ["Schedule__Jobs__intake-folder__Enabled"] = "false",
            ["Schedule__Jobs__forms__Enabled"] = "false",
            ["Schedule__Jobs__reminders__Enabled"] = "false",
            ["Schedule__Jobs__quarterly-notice__Enabled"] = "false",
        };
        foreach (var (k, v) in _smtp.Settings()) env[k.Replace(":", "__")] = v!;
        // Starts on the 6th (a holiday) so that a slow start-up still installs the schedule before the 8th.
        using var worker = new RehearsalWorker(_root, env, new DateTimeOffset(2026, 10, 6, 12, 0, 0, Beijing), speed: 7_200);
        worker.Start();

        worker.WaitFor(() => _smtp.Received.Count(r => r.Kind == "monthly-notice") == 2, "the notice the next morning", TimeSpan.FromSeconds(90));
        worker.WaitUntil(new DateTimeOffset(2026, 10, 9, 12, 0, 0, Beijing));
        Assert.Equal(0, worker.Stop());

        Assert.DoesNotContain(_smtp.Received, r => r.Kind == "job-failed");
        Assert.Contains("Job monthly-notice 2026-09 runs again at 2026-10-09 09:00", worker.Log);
        SqliteConnection.ClearAllPools();
        using var c = new SqliteConnection($"Data Source={Path.Combine(_root, "data", "reportworker.db")}");
        var runs = c.Query<(string Status, string Summary)>("SELECT status, summary FROM job_runs WHERE job = 'monthly-notice' AND period = '2026-09' ORDER BY id").ToArray();
        Assert.Equal(["failed", "done"], runs.Select(r => r.Status));
        Assert.Contains("2026年9月的月报表2026年10月8日 17:00才截止", runs[0].Summary);
        var issued = Assert.Single(c.Query<(long IssueNo, string CreatedAt)>("SELECT issue_no, created_at FROM briefings"));
        Assert.Equal(1, issued.IssueNo);
        Assert.Equal(new DateOnly(2026, 10, 9), DateOnly.FromDateTime(DateTimeOffset.Parse(issued.CreatedAt, System.Globalization.CultureInfo.InvariantCulture).ToOffset(Beijing).DateTime));
    }

    public async ValueTask DisposeAsync()
    {
        await _smtp.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_root, recursive: true); } catch (IOException) { }
    }
}
