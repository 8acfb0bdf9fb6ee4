using Dapper;
using Microsoft.Data.Sqlite;
using ReportWorker.Storage;
using ReportWorker.Tests.Delivery;
using ReportWorker.Tests.Support;

namespace ReportWorker.Tests.Cli;

/// <summary>`outbox` and `outbox retry ID`, run as the operator runs them.</summary>
public sealed class OutboxCommandTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("rw-outbox-cli-").FullName;
    private readonly string _data;

    public OutboxCommandTests()
    {
        _data = Path.Combine(_root, "data");
        using var world = new TestWorld(new Dictionary<string, string?> { ["Data:Root"] = _data });
        Queue.Messages(world, 3);
        using var c = world.Get<ReportWorker.Ledger.LedgerDatabase>().Open();
        // 1 waits for its fourth attempt at 10:08 Beijing time, 2 failed for good, 3 was sent.
        c.Execute("UPDATE outbox SET attempts = 3, next_attempt_at = @next, last_error = 'cannot connect: Connection refused' WHERE id = 1",
            new { next = new DateTimeOffset(2025, 4, 3, 2, 8, 0, TimeSpan.Zero).Stored() });
        c.Execute("UPDATE outbox SET status = 'failed', attempts = 1, last_error = 'SMTP 550 RecipientNotAccepted: 5.1.1 mailbox unavailable', alerted_at = '2025-04-03T02:00:00.0000000+00:00' WHERE id = 2");
        c.Execute("UPDATE outbox SET status = 'sent', attempts = 1, delivered_at = '2025-04-03T01:30:00.0000000+00:00', delivered_to = 'smtp://relay:587' WHERE id = 3");
        // Their recipients as the delivery would have left them.
        c.Execute("UPDATE outbox_recipients SET status = 'refused', last_reply = '550 5.1.1 mailbox unavailable' WHERE outbox_id = 2");
        c.Execute("UPDATE outbox_recipients SET status = 'sent', sent_at = '2025-04-03T01:30:00.0000000+00:00' WHERE outbox_id = 3");
        SqliteConnection.ClearAllPools();
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_root, recursive: true);
    }

    private Dictionary<string, string> Env => new() { ["Data__Root"] = _data };

    [Fact]
    public void Lists_counts_and_every_message_not_yet_sent_with_local_times()
    {
        var (exit, output, error) = WorkerProcess.Run(_root, Env, "outbox");

        Assert.True(exit == 0, error);
        var lines = output.Split('\n', StringSplitOptions.TrimEntries);
        Assert.Equal("发件箱：待发 1 封，发送中 0 封，已发 1 封，失败 1 封。", lines[0]);
        Assert.Contains(lines, l => l.StartsWith("编号") && l.Contains("收件人") && l.Contains("下次尝试") && l.Contains("最近错误"));
        var pending = Assert.Single(lines, l => l.StartsWith("1 "));
        Assert.Contains("回执", pending);
        Assert.Contains("U01", pending);
        Assert.Contains("liaison1@example.gov.cn", pending);
        Assert.Contains("待发", pending);
        Assert.Contains("2025-04-03 10:08", pending); // Asia/Shanghai
        Assert.Contains("Connection refused", pending);
        var failed = Assert.Single(lines, l => l.StartsWith("2 ") && l.Contains("回执")); // the message's row
        // and its recipient among those not reached, with the server's words
        Assert.Single(lines, l => l.StartsWith("2 ") && l.Contains("liaison2@example.gov.cn") && l.Contains("被拒收") && l.Contains("550 5.1.1"));
        Assert.Contains("失败", failed);
        Assert.Contains("不再重试", failed);
        Assert.Contains("550", failed);
        Assert.DoesNotContain(lines, l => l.StartsWith("3 "));
        Assert.Contains("ReportWorker outbox retry 编号", output);
    }

    [Fact]
    public void Retry_puts_a_failed_message_back_to_pending_now_with_a_fresh_count()
    {
        var (exit, output, error) = WorkerProcess.Run(_root, Env, "outbox", "retry", "2");

        Assert.True(exit == 0, error);
        Assert.StartsWith("已将邮件 #2（回执：【回执】测试 2）放回待发队列", output);
        using var c = new SqliteConnection($"Data Source={Path.Combine(_data, "reportworker.db")}");
        c.Open();
        var row = c.QuerySingle<(string Status, long Attempts, string? Next, string? Alerted)>("SELECT status, attempts, next_attempt_at, alerted_at FROM outbox WHERE id = 2");
        Assert.Equal(("pending", 0L, null, null), row);
        var listed = WorkerProcess.Run(_root, Env, "outbox");
        Assert.StartsWith("发件箱：待发 2 封，发送中 0 封，已发 1 封，失败 0 封。", listed.Output);
    }

    [Theory]
    [InlineData("99", "发件箱中没有编号为 99 的邮件")]
    [InlineData("3", "邮件 #3 已于 2025-04-03 09:30 发出，无需重试")]
    [InlineData("abc", "邮件编号“abc”不对")]
    public void Retry_of_a_message_that_cannot_be_retried_prints_one_error_line(string id, string message)
    {
        var (exit, _, error) = WorkerProcess.Run(_root, Env, "outbox", "retry", id);

        Assert.Equal(1, exit);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("错误：", line);
        Assert.Contains(message, line);
    }

    [Fact]
    public void Retry_all_failed_puts_back_every_failed_message_and_retry_unit_every_message_not_reaching_the_unit()
    {
        var (exit, output, error) = WorkerProcess.Run(_root, Env, "outbox", "retry", "--all-failed");
        Assert.True(exit == 0, error);
        Assert.StartsWith("已将 1 封邮件（#2）放回待发队列", output);

        (exit, output, error) = WorkerProcess.Run(_root, Env, "outbox", "retry", "--unit", "u01");
        Assert.True(exit == 0, error);
        Assert.StartsWith("已将 2 封邮件（#1、#2）放回待发队列", output); // #3 was sent and reached everyone

        (exit, _, error) = WorkerProcess.Run(_root, Env, "outbox", "retry");
        Assert.Equal(1, exit);
        Assert.Contains("请只写一种", error);
    }

    [Fact]
    public void Deliver_says_how_many_messages_wait_in_their_back_off_and_until_when()
    {
        using (var c = new SqliteConnection($"Data Source={Path.Combine(_data, "reportworker.db")}"))
            c.Execute("UPDATE outbox SET next_attempt_at = '2099-01-01T00:00:00.0000000+00:00' WHERE id = 1");
        SqliteConnection.ClearAllPools();

        var (exit, output, error) = WorkerProcess.Run(_root, Env, "deliver");

        Assert.True(exit == 0, error);
        Assert.Contains("1 封邮件等待重试，最早于 2099-01-01 08:00", output); // Asia/Shanghai
        Assert.Contains("outbox retry --all-failed", output);
    }

    [Fact]
    public void Plain_smtp_to_a_remote_host_stops_the_command_with_the_key_named()
    {
        var env = Env;
        env["Mail__Smtp__Host"] = "smtp.example.gov.cn";
        env["Mail__Smtp__Security"] = "None";

        var (exit, _, error) = WorkerProcess.Run(_root, env, "outbox");

        Assert.Equal(1, exit);
        Assert.Contains("Mail:Smtp:Security", error);
        Assert.Contains("不在本机，必须加密", error);
    }
}
