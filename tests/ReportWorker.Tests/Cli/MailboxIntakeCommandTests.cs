using Microsoft.Data.Sqlite;
using ReportWorker.Intake;
using ReportWorker.Ledger;
using ReportWorker.Tests.Support;
using ReportWorker.Periods;

namespace ReportWorker.Tests.Cli;

public sealed class MailboxIntakeCommandTests
{
    [Fact]
    public void An_unreachable_mailbox_is_reported_and_the_inbox_folder_is_still_processed_and_answered()
    {
        using var world = new TestWorld();
        world.ImportSmallRegistry();
        world.Drop("省审计厅.xlsx", world.FilledForm("U02", new ReportMonth(2025, 3)));
        var port = SmtpTestServer.FreePort();   // nothing listens there
        SqliteConnection.ClearAllPools();

        var (exit, output, error) = WorkerProcess.Run(world.Root, new Dictionary<string, string>
        {
            ["Data__Root"] = world.Paths.Root,
            ["Intake__Mailbox__Host"] = "127.0.0.1",
            ["Intake__Mailbox__Port"] = port.ToString(),
            ["Intake__Mailbox__Security"] = "StartTls",
            ["Intake__Mailbox__UserName"] = "reports",
            ["Intake__Mailbox__Password"] = "pw",
            ["Intake__Mailbox__TimeoutSeconds"] = "5",
        }, "intake");

        Assert.Equal(1, exit);
        Assert.Contains($"错误：无法读取收件邮箱 127.0.0.1:{port}", error);
        Assert.Contains("登记  #1  “省审计厅.xlsx”  U02 2025-03", output); // the file named, as it arrived
        Assert.Contains("邮件：发出 1", output);
        Assert.True(Assert.Single(world.Get<ReceivedFileStore>().All()).IsFinished);
        Assert.Single(Directory.GetFiles(world.Paths.Outbox, "*.eml"));
    }

    [Fact]
    public void A_rejected_file_is_named_and_its_problems_counted()
    {
        var outcome = new IntakeOutcome(7, IntakeOutcome.Rejected, "U02", "2025-03",
            [new FormProblem("填报表", 6, "状态", "状态“进行中”不在可选项内。", "改为下拉列表中的一项。"), new FormProblem("填报表", 9, "完成进度（%）", "“百分之五十”不是数字。", "填 0 到 100 的数字。")], [], Resumed: false) { FileName = "审计厅3月.xlsx" };

        var line = ReportWorker.Cli.IntakeCommand.Line(outcome);

        Assert.StartsWith("退回  #7  “审计厅3月.xlsx”  U02 2025-03  共 2 处问题，第一处：", line);
        Assert.Contains("进行中", line);
    }
}
