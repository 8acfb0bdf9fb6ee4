using Microsoft.Data.Sqlite;
using ReportWorker.Delivery;
using ReportWorker.Tests.Delivery;
using ReportWorker.Tests.Support;

namespace ReportWorker.Tests.Health;

/// <summary>`health` run as a monitor runs it: the real executable, its lines and its exit code, on 3 April 2025 10:00 (the rehearsal clock).</summary>
public sealed class HealthCommandTests : IAsyncDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("rw-health-").FullName;
    private readonly SmtpTestServer _smtp = new();

    private string Data => Path.Combine(_root, "data");

    public async ValueTask DisposeAsync()
    {
        await _smtp.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_root, recursive: true);
    }

    /// <summary>A ledger in <see cref="Data"/> as <paramref name="arrange"/> leaves it, on the test clock.</summary>
    private void Ledger(Action<TestWorld> arrange)
    {
        using (var world = new TestWorld(new Dictionary<string, string?> { ["Data:Root"] = Data }, ScheduleHistory.FirstDay))
            arrange(world);
        SqliteConnection.ClearAllPools();
    }

    private (int Exit, string[] Lines, string Error) Health(int smtpPort)
    {
        var env = SmtpTestServer.AsEnvironment(SmtpTestServer.ForPort(smtpPort));
        env["Data__Root"] = Data;
        env["Clock__SimulatedStart"] = ScheduleHistory.ThirdApril.ToString("O");
        // The machine's own free disk space is not what these tests are about.
        env["Health__DiskWarningMegabytes"] = "0";
        env["Health__DiskCriticalMegabytes"] = "0";
        var (exit, output, error) = WorkerProcess.Run(_root, env, "health");
        return (exit, output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), error);
    }

    [Fact]
    public void Exits_0_with_every_check_well_and_sends_nothing()
    {
        Ledger(w => ScheduleHistory.Record(w));

        var (exit, lines, error) = Health(_smtp.Port);

        Assert.True(exit == 0, string.Join('\n', lines) + error);
        foreach (var name in new[] { "数据库", "SMTP", "IMAP", "数据目录", "字体", "节假日日历", "任务", "发件箱" })
            Assert.Single(lines, l => l.StartsWith($"正常  {name} "));
        Assert.Contains($"127.0.0.1:{_smtp.Port} 已连接并登录（用户 reportworker", Assert.Single(lines, l => l.Contains("  SMTP ")));
        Assert.Equal("结论：正常（退出码 0）。共 8 项检查：正常 8，注意 0，故障 0。", lines[^1]);
        Assert.True(_smtp.Sessions >= 1);
        Assert.Equal(0, _smtp.MailFromCommands);
        Assert.Empty(_smtp.Received);
        Assert.DoesNotContain(SmtpTestServer.Password, string.Join('\n', lines));
    }

    [Fact]
    public void Exits_2_naming_smtp_as_broken_when_the_relay_is_down()
    {
        Ledger(w => ScheduleHistory.Record(w));
        var closed = SmtpTestServer.FreePort();

        var (exit, lines, _) = Health(closed);

        Assert.Equal(2, exit);
        var smtp = Assert.Single(lines, l => l.StartsWith("故障  SMTP "));
        Assert.Contains($"127.0.0.1:{closed} 无法连接：", smtp);
        Assert.Contains("Connection refused", smtp);
        Assert.DoesNotContain(lines, l => l.StartsWith("故障") && !l.StartsWith("故障  SMTP "));
        Assert.StartsWith("结论：故障（退出码 2）", lines[^1]);
    }

    [Fact]
    public void A_message_given_up_makes_it_1_naming_the_outbox()
    {
        Ledger(w =>
        {
            ScheduleHistory.Record(w);
            Queue.Messages(w, 1);
            w.Get<OutboxStore>().MarkFailed(1, "test", "SMTP 550 RecipientNotAccepted: 5.1.1 mailbox unavailable");
        });

        var (exit, lines, _) = Health(_smtp.Port);

        Assert.Equal(1, exit);
        var outbox = Assert.Single(lines, l => l.StartsWith("注意  发件箱 "));
        Assert.Contains("失败 1 封", outbox);
        Assert.Contains("1 封已放弃发送（最早 #1：SMTP 550 RecipientNotAccepted: 5.1.1 mailbox unavailable）", outbox);
        Assert.Contains("outbox retry --all-failed", outbox);
        Assert.Single(lines, l => l.StartsWith("注意"));
    }

    [Fact]
    public void A_due_run_that_is_missing_makes_it_1_naming_the_job_its_period_and_its_holiday_moved_time()
    {
        Ledger(w => ScheduleHistory.Record(w, except: "monthly-notice"));

        var (exit, lines, _) = Health(_smtp.Port);

        Assert.Equal(1, exit);
        var jobs = Assert.Single(lines, l => l.StartsWith("注意  任务 "));
        // 8 March 2025 was a Saturday: the schedule ran it on Monday the 10th, and that is when it was owed.
        Assert.Contains("月通报（monthly-notice） 2025-02 应于 2025年3月10日 09:00 运行，至今没有运行记录", jobs);
        Assert.Contains("ReportWorker run monthly-notice --month 2025-02", jobs);
        Assert.DoesNotContain("forms", jobs);
        Assert.Single(lines, l => l.StartsWith("注意"));
    }
}
