using Dapper;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using ReportWorker.Delivery;
using ReportWorker.Ledger;
using ReportWorker.Tests.Support;
using ReportWorker.Periods;

namespace ReportWorker.Tests.Delivery;

public class SmtpDeliveryTests
{
    private static readonly ReportMonth March = new(2025, 3);

    [Fact]
    public async Task Delivers_a_receipt_over_smtp_with_starttls_and_auth_once_with_a_stable_message_id()
    {
        await using var smtp = new SmtpTestServer();
        using var world = new TestWorld(smtp.Settings());
        world.ImportSmallRegistry();
        world.TakeIn("f.xlsx", world.FilledForm("U02", March));
        var sender = world.Get<OutboxSender>();

        var first = await sender.DeliverDueAsync(CancellationToken.None);
        var second = await sender.DeliverDueAsync(CancellationToken.None);

        Assert.Equal(new DeliveryResult(1, 0, 0), first);
        Assert.Equal(new DeliveryResult(0, 0, 0), second);
        var (to, message) = Assert.Single(smtp.Received);
        Assert.Equal(["ssjt@example.gov.cn", "ssjt.dj@example.gov.cn"], to);
        Assert.StartsWith("【回执】海南省审计厅2025年3月", message.Subject);
        Assert.Contains("已收到并登记", message.TextBody);
        Assert.Contains("<table", message.HtmlBody);
        using var c = world.Get<LedgerDatabase>().Open();
        Assert.Equal(c.QuerySingle<string>("SELECT message_id FROM outbox"), message.MessageId);
        Assert.Equal(world.Get<MessageBuilder>().MessageIdFor("receipt/1"), message.MessageId);
    }

    [Fact]
    public async Task A_recipient_the_server_refuses_is_recorded_and_the_others_still_get_the_message()
    {
        await using var smtp = new SmtpTestServer(to => to != "ssjt@example.gov.cn");
        using var world = new TestWorld(smtp.Settings());
        world.ImportSmallRegistry();
        world.TakeIn("a.xlsx", world.FilledForm("U02", March));  // 省审计厅: ssjt@ refused, ssjt.dj@ fine
        world.TakeIn("b.xlsx", world.FilledForm("U03", March));  // 海口海关: fine

        var result = await world.Get<OutboxSender>().DeliverDueAsync(CancellationToken.None);
        var again = await world.Get<OutboxSender>().DeliverDueAsync(CancellationToken.None);

        Assert.Equal(new DeliveryResult(3, 0, 0), result); // both answers, and the operators' alert about the refusal
        Assert.Equal(new DeliveryResult(0, 0, 0), again);
        using var c = world.Get<LedgerDatabase>().Open();
        var u02 = c.QuerySingle<(string Status, string Refused)>("SELECT status, refused_recipients FROM outbox WHERE unit_code = 'U02'");
        Assert.Equal("sent", u02.Status);
        Assert.StartsWith("ssjt@example.gov.cn: 550", u02.Refused);
        var toU02 = Assert.Single(smtp.Received, r => r.Message.Subject!.Contains("省审计厅"));
        Assert.Equal(["ssjt.dj@example.gov.cn"], toU02.To);
        Assert.Single(smtp.Received, r => r.Message.Subject!.Contains("海口海关"));
        var alert = Assert.Single(smtp.Received, r => r.Kind == MessageKinds.Alert);
        Assert.Equal(["gongwei-office@example.gov.cn"], alert.To);
        // The alert names the unit, the address, the server's own words and the command that fixes it.
        Assert.Contains("省审计厅（U02）　ssjt@example.gov.cn", alert.Message.TextBody);
        Assert.Contains("对方服务器原话：550", alert.Message.TextBody);
        Assert.Contains("ReportWorker import units", alert.Message.TextBody);
        Assert.Equal(3, smtp.Received.Count);
        Assert.Equal(1, smtp.Sessions); // the alert went over the same connection
    }

    [Fact]
    public async Task A_message_whose_every_recipient_is_refused_fails_for_good_with_the_reply_kept_and_is_never_retried()
    {
        await using var smtp = new SmtpTestServer(to => to != "hkhg@example.gov.cn");
        using var world = new TestWorld(smtp.Settings());
        world.ImportSmallRegistry();
        world.TakeIn("b.xlsx", world.FilledForm("U03", March));  // 海口海关 has one liaison

        var result = await world.Get<OutboxSender>().DeliverDueAsync(CancellationToken.None);
        world.Clock.Advance(TimeSpan.FromHours(3));
        var later = await world.Get<OutboxSender>().DeliverDueAsync(CancellationToken.None);

        Assert.Equal(new DeliveryResult(1, 0, 1), result); // failed, and the alert about it sent
        Assert.Equal(new DeliveryResult(0, 0, 0), later);
        using var c = world.Get<LedgerDatabase>().Open();
        var row = c.QuerySingle<(string Status, string Error, long Attempts)>("SELECT status, last_error, attempts FROM outbox WHERE unit_code = 'U03'");
        Assert.Equal(("failed", 1L), (row.Status, row.Attempts));
        Assert.Contains("hkhg@example.gov.cn: 550", row.Error);
        Assert.Equal(2, smtp.RcptToCommands); // one for the answer, one for the alert: the answer was never tried again
        var alert = Assert.Single(smtp.Received);
        Assert.Equal(MessageKinds.Alert, alert.Kind);
        Assert.Contains("发送失败，已停止重试", alert.Message.TextBody);
    }

    [Fact]
    public async Task A_temporary_refusal_of_one_recipient_defers_that_recipient_alone_and_each_gets_the_message_once()
    {
        await using var smtp = new SmtpTestServer();
        var refusals = 0;
        smtp.FailRecipient = to => to == "ssjt@example.gov.cn" && Interlocked.Increment(ref refusals) == 1 ? SmtpTestServer.Reply(450, "4.2.1 mailbox busy") : null;
        using var world = new TestWorld(smtp.Settings());
        world.ImportSmallRegistry();
        world.TakeIn("a.xlsx", world.FilledForm("U02", March));
        var sender = world.Get<OutboxSender>();

        // The second liaison gets the receipt at once; the first waits, alone, under the same Message-Id.
        Assert.Equal(new DeliveryResult(1, 1, 0), await sender.DeliverDueAsync(CancellationToken.None));
        var first = Assert.Single(smtp.Received);
        Assert.Equal(["ssjt.dj@example.gov.cn"], first.To);
        Assert.Equal(new DeliveryResult(0, 0, 0), await sender.DeliverDueAsync(CancellationToken.None)); // its wait is not over
        world.Clock.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(new DeliveryResult(1, 0, 0), await sender.DeliverDueAsync(CancellationToken.None));

        Assert.Equal(2, smtp.Received.Count);
        var second = smtp.Received.Last();
        Assert.Equal(["ssjt@example.gov.cn"], second.To);
        Assert.Equal(first.Message.MessageId, second.Message.MessageId);
        var recipients = world.Get<OutboxStore>().Recipients(1);
        Assert.All(recipients, r => Assert.Equal(RecipientState.Sent, r.Status));
        Assert.Equal("sent", world.Get<OutboxStore>().Find(1)!.Status.ToStored());
    }

    [Fact]
    public async Task When_the_server_is_down_the_message_waits_and_is_delivered_once_it_is_back()
    {
        var port = SmtpTestServer.FreePort();
        var settings = SmtpTestServer.ForPort(port);
        using var world = new TestWorld(settings);
        world.ImportSmallRegistry();
        world.TakeIn("a.xlsx", world.FilledForm("U03", March));
        var sender = world.Get<OutboxSender>();

        var down = await sender.DeliverDueAsync(CancellationToken.None);
        Assert.Equal(new DeliveryResult(0, 1, 0), down);
        Assert.Equal(new DeliveryResult(0, 0, 0), await sender.DeliverDueAsync(CancellationToken.None)); // backing off

        await using var smtp = new SmtpTestServer(port: port);
        world.Clock.Advance(TimeSpan.FromMinutes(2));
        var up = await sender.DeliverDueAsync(CancellationToken.None);

        Assert.Equal(new DeliveryResult(1, 0, 0), up);
        Assert.Single(smtp.Received);
        using var c = world.Get<LedgerDatabase>().Open();
        Assert.Equal(1, c.QuerySingle<long>("SELECT attempts FROM outbox")); // the failed try; the one that went is not a failure
    }

    [Fact]
    public void Refuses_to_start_when_the_smtp_password_is_written_in_a_settings_file()
    {
        var file = Path.Combine(Path.GetTempPath(), $"rw-{Guid.NewGuid():N}.json");
        File.WriteAllText(file, """{ "Mail": { "Smtp": { "Host": "smtp.example.gov.cn", "Password": "hunter2" } } }""");
        try
        {
            var config = new ConfigurationBuilder().AddJsonFile(file).Build();
            var result = new SecretsNotInFileValidator(config).Validate(null, new MailOptions());
            Assert.True(result.Failed);
            Assert.Contains("Mail__Smtp__Password", result.FailureMessage);

            var fromEnvironment = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Mail:Smtp:Password"] = "hunter2" }).Build();
            Assert.True(new SecretsNotInFileValidator(fromEnvironment).Validate(null, new MailOptions()).Succeeded);
        }
        finally { File.Delete(file); }
    }
}
