using Dapper;
using Microsoft.Data.Sqlite;
using ReportWorker.Tests.Support;

namespace ReportWorker.Tests.Scheduling;

/// <summary>A scheduled run that fails is tried again within its period, and the operators hear of it once when the tries are spent.</summary>
[Collection(nameof(RealTimeWorkers))]
public sealed class FailedRunTests : IAsyncDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("rw-failed-").FullName;
    private readonly SmtpTestServer _smtp = new();

    [Fact]
    public void Forms_that_cannot_go_out_are_retried_four_times_then_the_operators_get_one_email_with_the_command_to_run()
    {
        // Nobody imported the registry: the 25 March forms run fails.
        var env = new Dictionary<string, string>
        {
            ["Data__Root"] = Path.Combine(_root, "data"),
            ["Schedule__Jobs__outbox__Cron"] = "0 */10 * * * ?",
            ["Schedule__Jobs__intake-folder__Enabled"] = "false",
        };
        foreach (var (k, v) in _smtp.Settings()) env[k.Replace(":", "__")] = v!;
        using var worker = new RehearsalWorker(_root, env, new DateTimeOffset(2025, 3, 24, 12, 0, 0, TimeSpan.FromHours(8)), speed: 14_400);
        worker.Start();

        worker.WaitFor(() => _smtp.Received.Any(r => r.Kind == "job-failed"), "the operators' e-mail");
        worker.WaitUntil(new DateTimeOffset(2025, 3, 25, 18, 0, 0, TimeSpan.FromHours(8)));
        Assert.Equal(0, worker.Stop());

        var alert = Assert.Single(_smtp.Received, r => r.Kind == "job-failed");
        Assert.Equal(["gongwei-office@example.gov.cn"], alert.To);
        Assert.Contains("下发月报表", alert.Message.Subject);
        Assert.Contains("已尝试 5 次", alert.Message.TextBody);
        Assert.Contains("ReportWorker run forms --month 2025-03", alert.Message.TextBody);
        SqliteConnection.ClearAllPools();
        using var c = new SqliteConnection($"Data Source={Path.Combine(_root, "data", "reportworker.db")}");
        Assert.Equal(5, c.ExecuteScalar<long>("SELECT COUNT(*) FROM job_runs WHERE job = 'forms' AND period = '2025-03' AND status = 'failed'"));
    }

    public async ValueTask DisposeAsync()
    {
        await _smtp.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_root, recursive: true); } catch (IOException) { }
    }
}
