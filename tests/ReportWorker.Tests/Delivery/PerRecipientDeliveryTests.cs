using Dapper;
using ReportWorker.Briefings;
using ReportWorker.Delivery;
using ReportWorker.Ledger;
using ReportWorker.Periods;
using ReportWorker.Tests.Support;

namespace ReportWorker.Tests.Delivery;

/// <summary>
/// Delivery per recipient against a real SMTP server: one full mailbox does not hold back a circular, a deferred
/// recipient gets it once when its server takes it, a bounce after acceptance is seen, and a corrected address is followed.
/// </summary>
public sealed class PerRecipientDeliveryTests
{
    private static readonly ReportMonth March = new(2025, 3);
    private const string Full = "ssjt@example.gov.cn";

    private static (TestWorld World, long Circular) IssueMarchNotice(SmtpTestServer smtp)
    {
        var world = new TestWorld(smtp.Settings(), start: new DateTimeOffset(2025, 4, 10, 9, 0, 0, TimeSpan.FromHours(8)));
        world.ImportSmallRegistry();
        var notice = world.Get<BriefingService>().Monthly(March, null, reissue: false);
        world.Get<BriefingMailer>().QueueMonthly(notice);
        using var c = world.Get<LedgerDatabase>().Open();
        return (world, c.QuerySingle<long>("SELECT id FROM outbox WHERE message_key LIKE 'briefing/monthly/%/units/1'"));
    }

    [Fact]
    public async Task A_liaison_whose_mailbox_is_full_for_a_day_does_not_hold_back_the_circular_and_gets_it_once_when_it_is_emptied()
    {
        await using var smtp = new SmtpTestServer();
        var (world, circular) = IssueMarchNotice(smtp);
        using var _ = world;
        var fullUntil = world.Clock.GetUtcNow().AddHours(24);
        smtp.FailRecipient = to => to == Full && world.Clock.GetUtcNow() < fullUntil ? SmtpTestServer.Reply(452, "4.2.2 Mailbox full") : null;
        var sender = world.Get<OutboxSender>();
        var liaisons = TestWorld.SmallUnits.SelectMany(u => u[4].Split('；')).ToArray();

        await sender.DeliverDueAsync(CancellationToken.None);

        // Every other liaison has it after the first attempt, in one transaction.
        var first = Assert.Single(smtp.ByMessageId(MessageIdOf(world, circular)));
        Assert.Equal(liaisons.Where(l => l != Full).Order(), first.To.Where(liaisons.Contains).Order());
        Assert.Equal(RecipientState.Deferred, world.Get<OutboxStore>().Recipients(circular).Single(r => r.Address == Full).Status);

        // A day of retries, as a mail server makes them, an hour apart at most.
        for (var hour = 0; hour < 26; hour++)
        {
            world.Clock.Advance(TimeSpan.FromMinutes(30));
            await sender.DeliverDueAsync(CancellationToken.None);
            world.Clock.Advance(TimeSpan.FromMinutes(30));
            await sender.DeliverDueAsync(CancellationToken.None);
        }

        var copies = smtp.ByMessageId(MessageIdOf(world, circular));
        foreach (var liaison in liaisons)
            Assert.Single(copies, m => m.To.Contains(liaison));
        var late = Assert.Single(copies, m => m.To.Contains(Full));
        Assert.True(late.At >= fullUntil, $"it went at {late.At}, while the mailbox was full until {fullUntil}");
        Assert.Equal(["ssjt@example.gov.cn"], late.To.Where(liaisons.Contains));
        Assert.All(world.Get<OutboxStore>().Recipients(circular), r => Assert.Equal(RecipientState.Sent, r.Status));
        // The office heard once that it was waiting (after 4 hours), and never that it was given up.
        var alerts = smtp.Received.Where(r => r.Kind == MessageKinds.Alert).ToArray();
        var alert = Assert.Single(alerts);
        Assert.Contains($"省审计厅（U02）　{Full}", alert.Message.TextBody);
        Assert.Contains("452 4.2.2 Mailbox full", alert.Message.TextBody);
        // `outbox` has no one left unreached.
        Assert.Empty(world.Get<OutboxAdmin>().Unreached());
    }

    [Fact]
    public async Task While_the_mailbox_is_full_outbox_shows_the_waiting_liaison_apart_from_those_delivered()
    {
        await using var smtp = new SmtpTestServer();
        var (world, circular) = IssueMarchNotice(smtp);
        using var _ = world;
        smtp.FailRecipient = to => to == Full ? SmtpTestServer.Reply(452, "4.2.2 Mailbox full") : null;

        await world.Get<OutboxSender>().DeliverDueAsync(CancellationToken.None);

        var admin = world.Get<OutboxAdmin>();
        var waiting = Assert.Single(admin.Unreached());
        Assert.Equal((circular, Full, RecipientState.Deferred, "省审计厅"), (waiting.OutboxId, waiting.Address, waiting.Status, waiting.UnitName));
        var text = ReportWorker.Cli.OutboxCommand.Render(admin.Counts(), admin.Unfinished(), world.Get<ReportWorker.Calendar.ReportingCalendar>(), admin.RecipientCounts(), admin.Unreached());
        Assert.Contains("对方暂拒，稍后重试 1", text);
        Assert.Contains("452 4.2.2 Mailbox full", text);
        Assert.DoesNotContain(string.Join(", ", TestWorld.SmallUnits.SelectMany(u => u[4].Split('；'))), text); // a circular's list is shortened
    }

    [Fact]
    public async Task A_bounce_after_the_relay_took_the_message_marks_that_recipient_bounced_and_the_office_hears_once()
    {
        await using var smtp = new SmtpTestServer();
        var (world, circular) = IssueMarchNotice(smtp);
        using var _ = world;
        var sender = world.Get<OutboxSender>();
        await sender.DeliverDueAsync(CancellationToken.None);
        var bounce = new Bounce(MessageIdOf(world, circular), "SSJT@example.gov.cn", "5.1.1", "smtp; 550 5.1.1 user unknown", world.Clock.GetUtcNow());

        var database = world.Get<LedgerDatabase>();
        var outbox = world.Get<OutboxStore>();
        Assert.Equal(BounceOutcome.Recorded, database.InTransaction((c, tx) => outbox.Record(c, tx, bounce)));
        Assert.Equal(BounceOutcome.AlreadyRecorded, database.InTransaction((c, tx) => outbox.Record(c, tx, bounce)));
        Assert.Equal(BounceOutcome.UnknownRecipient, database.InTransaction((c, tx) => outbox.Record(c, tx, bounce with { Recipient = "nobody@example.gov.cn" })));
        Assert.Equal(BounceOutcome.UnknownMessage, database.InTransaction((c, tx) => outbox.Record(c, tx, bounce with { MessageId = "<not-ours@example.com>" })));
        world.Clock.Advance(TimeSpan.FromMinutes(1));
        await sender.DeliverDueAsync(CancellationToken.None);
        world.Clock.Advance(TimeSpan.FromMinutes(1));
        await sender.DeliverDueAsync(CancellationToken.None);

        Assert.Equal(RecipientState.Bounced, outbox.Recipients(circular).Single(r => r.Address == Full).Status);
        var alert = Assert.Single(smtp.Received, r => r.Kind == MessageKinds.Alert);
        Assert.Contains("对方服务器接收后退信", alert.Message.TextBody);
        Assert.Contains("550 5.1.1 user unknown", alert.Message.TextBody);
        Assert.Contains((RecipientState.Bounced, 1L), outbox.RecipientCounts());
    }

    [Fact]
    public async Task A_corrected_address_is_followed_by_the_recipients_not_yet_reached_and_the_history_is_kept()
    {
        await using var smtp = new SmtpTestServer();
        var (world, circular) = IssueMarchNotice(smtp);
        using var _ = world;
        smtp.FailRecipient = to => to == Full ? SmtpTestServer.Reply(550, "5.1.1 user unknown") : null;
        var sender = world.Get<OutboxSender>();
        await sender.DeliverDueAsync(CancellationToken.None);
        Assert.Equal(RecipientState.Refused, world.Get<OutboxStore>().Recipients(circular).Single(r => r.Address == Full).Status);

        // The office corrects U02's first liaison and imports the registry again.
        var units = TestWorld.SmallUnits.Select(u => u[0] == "U02" ? [.. u[..4], "ssjt.new@example.gov.cn；ssjt.dj@example.gov.cn"] : u).ToArray();
        var path = Path.Combine(world.Root, "units-corrected.xlsx");
        world.ImportUnits(path, units);
        await sender.DeliverDueAsync(CancellationToken.None);

        var recipients = world.Get<OutboxStore>().Recipients(circular);
        var old = recipients.Single(r => r.Address == Full);
        Assert.Equal(RecipientState.Replaced, old.Status);
        Assert.Equal("ssjt.new@example.gov.cn, ssjt.dj@example.gov.cn", old.ReplacedBy);
        Assert.Equal(RecipientState.Sent, recipients.Single(r => r.Address == "ssjt.new@example.gov.cn").Status);
        var copies = smtp.ByMessageId(MessageIdOf(world, circular));
        Assert.Single(copies, m => m.To.Contains("ssjt.new@example.gov.cn"));
        Assert.Single(copies, m => m.To.Contains("ssjt.dj@example.gov.cn")); // the one already reached is not sent again
    }

    private static string MessageIdOf(TestWorld world, long id)
    {
        using var c = world.Get<LedgerDatabase>().Open();
        return c.QuerySingle<string>("SELECT message_id FROM outbox WHERE id = @id", new { id });
    }
}
