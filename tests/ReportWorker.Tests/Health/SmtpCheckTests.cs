using Microsoft.Extensions.Diagnostics.HealthChecks;
using ReportWorker.Health;
using ReportWorker.Tests.Support;

namespace ReportWorker.Tests.Health;

/// <summary>The SMTP check against the in-process server: the login is tried, the password never shown, nothing sent.</summary>
public sealed class SmtpCheckTests
{
    private static async Task<HealthLine> Run(TestWorld world) =>
        Assert.Single(await world.Get<HealthRunner>().RunAsync(TestContext.Current.CancellationToken), l => l.Name == "SMTP");

    [Fact]
    public async Task A_refused_login_is_broken_in_the_servers_words()
    {
        await using var smtp = new SmtpTestServer();
        var settings = smtp.Settings();
        settings["Mail:Smtp:Password"] = "not-the-password";
        using var world = new TestWorld(settings);

        var line = await Run(world);

        Assert.Equal(HealthStatus.Unhealthy, line.Status);
        Assert.StartsWith($"127.0.0.1:{smtp.Port} 拒绝登录（用户 reportworker）：", line.Facts);
        Assert.Contains("535", line.Facts);
        Assert.DoesNotContain("not-the-password", line.Facts);
        Assert.Equal(0, smtp.MailFromCommands);
    }

    [Fact]
    public async Task No_relay_means_the_pickup_folder_which_needs_attention()
    {
        using var world = new TestWorld();

        var line = await Run(world);

        Assert.Equal(HealthStatus.Degraded, line.Status);
        Assert.Equal($"未设置邮件服务器（Mail:Smtp:Host 为空）：邮件只写入取件文件夹 {world.Paths.Outbox}，不会真正发出。若有意如此，设置 Mail:WriteToPickupFolder 为 true。", line.Facts);
    }

    [Fact]
    public async Task A_pickup_folder_chosen_on_purpose_is_well()
    {
        using var world = new TestWorld(new Dictionary<string, string?> { ["Mail:WriteToPickupFolder"] = "true" });

        var line = await Run(world);

        Assert.Equal(HealthStatus.Healthy, line.Status);
        Assert.Contains("Mail:WriteToPickupFolder", line.Facts);
    }
}
