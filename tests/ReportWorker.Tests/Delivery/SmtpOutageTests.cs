using Dapper;
using ReportWorker.Delivery;
using ReportWorker.Ledger;
using ReportWorker.Tests.Support;

namespace ReportWorker.Tests.Delivery;

/// <summary>The relay goes away, answers 4xx, or hangs up: every message still arrives once, and the operators hear about it once.</summary>
public class SmtpOutageTests
{
    private const string Operator = "gongwei-office@example.gov.cn";

    [Fact]
    public async Task Down_for_several_runs_then_up_delivers_each_message_once_and_one_alert_reaches_the_operators()
    {
        var port = SmtpTestServer.FreePort();
        var settings = SmtpTestServer.ForPort(port);
        settings["Mail:AlertAfterAttempts"] = "3";
        using var world = new TestWorld(settings);
        var ids = Queue.Messages(world, 5);
        var sender = world.Get<OutboxSender>();

        // Nothing listens on the port: runs at 0, +1, +3 and +7 minutes (each when the backoff says).
        foreach (var wait in new[] { 0, 1, 2, 4 })
        {
            world.Clock.Advance(TimeSpan.FromMinutes(wait));
            var down = await sender.DeliverDueAsync(CancellationToken.None);
            Assert.Equal(0, down.Sent);
        }
        using (var c = world.Get<LedgerDatabase>().Open())
        {
            Assert.Equal(1, c.QuerySingle<long>("SELECT COUNT(*) FROM outbox WHERE kind = 'alert'")); // queued at the third attempt, once
            Assert.Equal(5, c.QuerySingle<long>("SELECT COUNT(*) FROM outbox WHERE alerted_at IS NOT NULL"));
            Assert.Equal("pending", c.QuerySingle<string>("SELECT status FROM outbox WHERE kind = 'alert'"));
        }

        await using var smtp = new SmtpTestServer(port: port);
        world.Clock.Advance(TimeSpan.FromMinutes(10));
        var up = await sender.DeliverDueAsync(CancellationToken.None);
        for (var i = 0; i < 3; i++)
        {
            world.Clock.Advance(TimeSpan.FromHours(1));
            Assert.Equal(new DeliveryResult(0, 0, 0), await sender.DeliverDueAsync(CancellationToken.None));
        }

        Assert.Equal(new DeliveryResult(6, 0, 0), up);
        Assert.All(ids, id => Assert.Single(smtp.ByMessageId(id)));
        var alert = Assert.Single(smtp.Received, r => r.Kind == MessageKinds.Alert);
        Assert.Equal([Operator], alert.To);
        Assert.StartsWith("【投递异常】5 项邮件投递问题", alert.Message.Subject);
        var text = alert.Message.TextBody;
        foreach (var n in Enumerable.Range(1, 5)) Assert.Contains($"邮件编号 #{n}", text);
        Assert.Contains("liaison3@example.gov.cn", text);
        Assert.Contains("已尝试 3 次仍未发出", text);
        Assert.Contains("Mail:Smtp", text);
        Assert.Contains("ReportWorker outbox retry 1", text);
        Assert.Equal(6, smtp.Received.Count);
    }

    [Fact]
    public async Task An_outage_longer_than_every_retry_gives_up_nothing_and_everything_arrives_once_when_the_relay_is_back()
    {
        var port = SmtpTestServer.FreePort();
        var settings = SmtpTestServer.ForPort(port);
        settings["Mail:MaxAttempts"] = "4";
        settings["Mail:AlertAfterAttempts"] = "3";
        using var world = new TestWorld(settings);
        var ids = Queue.Messages(world, 3);
        var sender = world.Get<OutboxSender>();

        // A day without a relay: a run every ten minutes, far beyond MaxAttempts.
        for (var i = 0; i < 144; i++)
        {
            Assert.Equal(0, (await sender.DeliverDueAsync(CancellationToken.None)).Failed);
            world.Clock.Advance(TimeSpan.FromMinutes(10));
        }
        await using var smtp = new SmtpTestServer(port: port);
        world.Clock.Advance(TimeSpan.FromHours(1));
        var up = await sender.DeliverDueAsync(CancellationToken.None);

        Assert.Equal(new DeliveryResult(4, 0, 0), up);
        Assert.All(ids, id => Assert.Single(smtp.ByMessageId(id)));
        Assert.Single(smtp.Received, r => r.Kind == MessageKinds.Alert);
    }

    [Fact]
    public async Task A_4xx_at_the_end_of_data_waits_for_the_next_attempt_and_then_the_message_arrives_once()
    {
        await using var smtp = new SmtpTestServer { FailData = n => n == 1 ? SmtpTestServer.Reply(451, "4.3.0 temporary local problem") : null };
        using var world = new TestWorld(smtp.Settings());
        var id = Assert.Single(Queue.Messages(world, 1));
        var sender = world.Get<OutboxSender>();

        var first = await sender.DeliverDueAsync(CancellationToken.None);
        var early = await sender.DeliverDueAsync(CancellationToken.None);
        using (var c = world.Get<LedgerDatabase>().Open())
            Assert.Contains("451", c.QuerySingle<string>("SELECT last_error FROM outbox"));
        world.Clock.Advance(TimeSpan.FromMinutes(1));
        var second = await sender.DeliverDueAsync(CancellationToken.None);

        Assert.Equal(new DeliveryResult(0, 1, 0), first);
        Assert.Equal(new DeliveryResult(0, 0, 0), early);
        Assert.Equal(new DeliveryResult(1, 0, 0), second);
        Assert.Single(smtp.ByMessageId(id));
        Assert.Equal(2, smtp.DataCommands);
    }

    [Fact]
    public async Task A_connection_the_server_drops_mid_batch_is_opened_again_for_the_rest()
    {
        await using var smtp = new SmtpTestServer { FailData = n => n == 2 ? SmtpTestServer.Reply(421, "4.4.2 closing connection", hangUp: true) : null };
        using var world = new TestWorld(smtp.Settings());
        var ids = Queue.Messages(world, 4);
        var sender = world.Get<OutboxSender>();

        var first = await sender.DeliverDueAsync(CancellationToken.None);
        var sessionsForTheBatch = smtp.Sessions;
        world.Clock.Advance(TimeSpan.FromMinutes(1));
        var second = await sender.DeliverDueAsync(CancellationToken.None);

        Assert.Equal(new DeliveryResult(3, 1, 0), first);
        Assert.Equal(2, sessionsForTheBatch);
        Assert.Equal(new DeliveryResult(1, 0, 0), second);
        Assert.All(ids, id => Assert.Single(smtp.ByMessageId(id)));
    }

    [Fact]
    public async Task Connections_cut_before_the_greeting_are_retried_within_the_run()
    {
        await using var smtp = new SmtpTestServer();
        await using var proxy = new DroppingProxy(smtp.Port, drop: 2);
        var settings = SmtpTestServer.ForPort(proxy.Port);
        settings["Mail:Smtp:ConnectRetries"] = "2";
        using var world = new TestWorld(settings);
        var id = Assert.Single(Queue.Messages(world, 1));

        var result = await world.Get<OutboxSender>().DeliverDueAsync(CancellationToken.None);

        Assert.Equal(new DeliveryResult(1, 0, 0), result);
        Assert.Equal(3, proxy.Connections);
        Assert.Equal(1, smtp.Sessions);
        Assert.Single(smtp.ByMessageId(id));
    }
}
