using Microsoft.Extensions.Diagnostics.HealthChecks;
using ReportWorker.Health;
using ReportWorker.Tests.Support;

namespace ReportWorker.Tests.Health;

/// <summary>The IMAP check against a real Dovecot: logs in and opens the intake folder read-only, taking nothing.</summary>
public sealed class MailboxCheckTests(DovecotServer dovecot) : IClassFixture<DovecotServer>
{
    private static async Task<HealthLine> Run(TestWorld world) =>
        Assert.Single(await world.Get<HealthRunner>().RunAsync(TestContext.Current.CancellationToken), l => l.Name == "IMAP");

    [Fact]
    public async Task Logs_in_and_counts_the_folder_without_taking_anything()
    {
        dovecot.Require();
        var user = dovecot.NewUser();
        await dovecot.AppendAsync(user, TestMail.Bytes(TestMail.WithFiles("swbgt@example.gov.cn", "3月报表", ("U01.xlsx", [1, 2, 3]))));
        using var world = new TestWorld(dovecot.Settings(user));

        var line = await Run(world);

        Assert.Equal(HealthStatus.Healthy, line.Status);
        Assert.Equal($"127.0.0.1:{dovecot.Port} 已登录（用户 {user}），文件夹“INBOX”中有 1 封邮件（只读查看，未收取）", line.Facts);
        Assert.Single(await dovecot.MessagesAsync(user, "INBOX"));
        Assert.Empty(await dovecot.MessagesAsync(user, "Processed"));
    }

    [Fact]
    public async Task A_refused_login_or_a_missing_folder_is_broken()
    {
        dovecot.Require();
        var user = dovecot.NewUser();
        var settings = dovecot.Settings(user);
        settings["Intake:Mailbox:Password"] = "wrong";
        using (var world = new TestWorld(settings))
        {
            var line = await Run(world);
            Assert.Equal(HealthStatus.Unhealthy, line.Status);
            Assert.StartsWith($"127.0.0.1:{dovecot.Port} 拒绝登录（用户 {user}）：", line.Facts);
            Assert.DoesNotContain("wrong", line.Facts);
        }

        settings = dovecot.Settings(user);
        settings["Intake:Mailbox:Folder"] = "报表";
        using (var world = new TestWorld(settings))
        {
            var line = await Run(world);
            Assert.Equal(HealthStatus.Unhealthy, line.Status);
            Assert.Contains("没有文件夹“报表”", line.Facts);
        }
    }

    [Fact]
    public async Task No_mailbox_means_folder_intake_only_which_is_well()
    {
        using var world = new TestWorld();

        var line = await Run(world);

        Assert.Equal(HealthStatus.Healthy, line.Status);
        Assert.StartsWith("未设置收件邮箱（Intake:Mailbox:Host 为空）：只从文件夹 ", line.Facts);
        Assert.EndsWith(Path.Combine(world.Paths.Root, "inbox") + " 收取报表", line.Facts);
    }
}
