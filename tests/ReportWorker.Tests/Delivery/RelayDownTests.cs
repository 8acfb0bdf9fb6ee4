using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ReportWorker.Cli;
using ReportWorker.Delivery;
using ReportWorker.Tests.Support;

namespace ReportWorker.Tests.Delivery;

/// <summary>When the relay itself is down no alert can be mailed: one error in the log, and the headline of `jobs` and `outbox`.</summary>
public sealed class RelayDownTests
{
    [Fact]
    public async Task An_outage_is_one_error_in_the_log_and_the_first_line_of_jobs_and_outbox_until_the_relay_is_back()
    {
        var port = SmtpTestServer.FreePort();
        var log = new LogCapture();
        using var world = new TestWorld(SmtpTestServer.ForPort(port), services: s => s.AddSingleton<ILoggerProvider>(log));
        Queue.Messages(world, 2);
        var sender = world.Get<OutboxSender>();
        var sp = world.Get<IServiceProvider>();

        await sender.DeliverDueAsync(CancellationToken.None);
        world.Clock.Advance(TimeSpan.FromMinutes(5));
        await sender.DeliverDueAsync(CancellationToken.None);

        Assert.Single(log.Of("RelayDown", LogLevel.Error));
        Assert.NotEmpty(log.Of("MailServerUnavailable", LogLevel.Warning)); // the later runs of the same outage
        var jobs = JobsCommands.Render(sp);
        Assert.StartsWith("【邮件服务器无法连接】", jobs);
        Assert.Contains("2 封邮件等待中", jobs);
        Assert.Contains($"127.0.0.1:{port}", jobs);
        Assert.Contains("ReportWorker deliver", jobs);

        await using var smtp = new SmtpTestServer(port: port);
        world.Clock.Advance(TimeSpan.FromMinutes(10));
        await sender.DeliverDueAsync(CancellationToken.None);

        Assert.Equal(2, smtp.Received.Count(r => r.Kind == "receipt"));
        Assert.Null(world.Get<OutboxAdmin>().RelayStatus());
        Assert.DoesNotContain("邮件服务器无法连接", JobsCommands.Render(sp));
        Assert.Single(log.Of("RelayBack", LogLevel.Information));
    }
}
