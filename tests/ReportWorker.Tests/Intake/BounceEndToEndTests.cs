using Dapper;
using ReportWorker.Delivery;
using ReportWorker.Intake;
using ReportWorker.Ledger;
using ReportWorker.Tests.Support;

namespace ReportWorker.Tests.Intake;

/// <summary>
/// Issue 15's "bounces seen", end to end: a receipt goes out, a DSN about it is seeded into a real Dovecot mailbox, the
/// mailbox intake reads it and the outbox marks that recipient bounced; the office hears of it once.
/// </summary>
public class BounceEndToEndTests(DovecotServer dovecot) : IClassFixture<DovecotServer>
{
    [Fact]
    public async Task A_dsn_in_the_mailbox_marks_the_right_recipient_bounced_and_the_office_is_alerted_once()
    {
        dovecot.Require();
        var user = dovecot.NewUser();
        using var world = new TestWorld(dovecot.Settings(user));
        world.ImportSmallRegistry();
        var outbox = world.Get<OutboxStore>();
        // A receipt to both of U02's liaisons, delivered (to the pickup folder: the relay took it for both).
        outbox.Enqueue(new OutgoingMessage("receipt/91", "receipt", "U02", [Recipient.Parse("ssjt@example.gov.cn"), Recipient.Parse("ssjt.dj@example.gov.cn")],
            "【回执】测试", "<p>已登记</p>", "已登记", []));
        var messageId = world.Get<MessageBuilder>().MessageIdFor("receipt/91");
        var sender = world.Get<OutboxSender>();
        await sender.DeliverDueAsync(CancellationToken.None);
        Assert.All(outbox.Recipients(1), r => Assert.Equal(RecipientState.Sent, r.Status));

        await dovecot.AppendAsync(user, TestBounces.Dsn(messageId, ("ssjt.dj@example.gov.cn", "failed", "5.2.2", "552 5.2.2 Mailbox full, over quota")));
        var outcome = Assert.Single(await world.Get<MailboxIntake>().ProcessAsync(CancellationToken.None));
        await sender.DeliverDueAsync(CancellationToken.None);
        world.Clock.Advance(TimeSpan.FromMinutes(5));
        await sender.DeliverDueAsync(CancellationToken.None);

        Assert.Equal(MailboxOutcome.Bounce, outcome.Disposition);
        var recipients = outbox.Recipients(1);
        Assert.Equal(RecipientState.Sent, recipients.Single(r => r.Address == "ssjt@example.gov.cn").Status);
        var bounced = recipients.Single(r => r.Address == "ssjt.dj@example.gov.cn");
        Assert.Equal(RecipientState.Bounced, bounced.Status);
        Assert.Contains("552 5.2.2 Mailbox full", bounced.LastReply);
        using var c = world.Get<LedgerDatabase>().Open();
        var alerts = c.Query<long>("SELECT id FROM outbox WHERE kind = 'alert'").ToArray();
        var alert = Assert.Single(alerts);
        var text = System.Text.Encoding.UTF8.GetString(outbox.MimeOf(alert));
        Assert.Contains("ssjt.dj@example.gov.cn", text);
        // `outbox` counts the receipt's two recipients apart: one delivered, one bounced.
        var counts = world.Get<OutboxAdmin>().RecipientCounts().ToDictionary(x => x.State, x => x.Count);
        Assert.Equal(1, counts[RecipientState.Bounced]);
    }
}
