using Microsoft.Extensions.DependencyInjection;
using ReportWorker.Delivery;
using ReportWorker.Intake;
using ReportWorker.Tests.Support;

namespace ReportWorker.Tests.Intake;

/// <summary>
/// Delivery reports in a real Dovecot mailbox: each failed recipient of a message the worker sent is handed to Delivery's
/// <see cref="IBounceRecorder"/> (here a recording stand-in) with the report marked processed; nothing is ever answered.
/// </summary>
public class MailboxBounceTests(DovecotServer dovecot) : IClassFixture<DovecotServer>
{
    private const string Liaison = "ssjt@example.gov.cn";

    [Fact]
    public async Task A_dsn_that_our_receipt_failed_for_a_recipient_is_recorded_once_filed_as_processed_and_not_answered()
    {
        var (world, user, recorder) = World();
        using var _ = world;
        var ours = Queue(world, "receipt/90");
        var raw = TestBounces.Dsn(ours, (Liaison, "failed", "5.1.1", "550 5.1.1 <ssjt@example.gov.cn>: Recipient address rejected: User unknown in virtual mailbox table"));
        await dovecot.AppendAsync(user, raw);

        var outcome = Assert.Single(await Run(world));

        Assert.Equal((MailboxOutcome.Bounce, "Processed"), (outcome.Disposition, outcome.Folder));
        var bounce = Assert.Single(recorder.Calls);
        Assert.Equal((ours, Liaison, "5.1.1"), (bounce.MessageId, bounce.Recipient, bounce.Status));
        Assert.Equal("550 5.1.1 <ssjt@example.gov.cn>: Recipient address rejected: User unknown in virtual mailbox table", bounce.Diagnostic);
        Assert.Equal(world.Clock.GetUtcNow(), bounce.ReceivedAt);
        Assert.Single(MailboxIntakeTests.Outbox(world));   // only the receipt the report is about: nothing answered
        var record = Assert.Single(world.Get<MailboxStore>().All());
        Assert.Equal((MailboxRecord.Done, MailboxOutcome.Bounce, "Processed"), (record.Status, record.Kind, record.Destination));
        Assert.Equal(raw, File.ReadAllBytes(world.Get<Archive>().PathOf(record.ArchivePath)));
        Assert.Single(await dovecot.MessagesAsync(user, "Processed"));
        Assert.Empty(await dovecot.MessagesAsync(user, "INBOX"));
    }

    [Fact]
    public async Task A_delay_report_records_nothing_and_is_not_answered()
    {
        var (world, user, recorder) = World();
        using var _ = world;
        var ours = Queue(world, "receipt/91");
        await dovecot.AppendAsync(user, TestBounces.Dsn(ours, (Liaison, "delayed", "4.4.1", "connect to mx.example.gov.cn[10.0.0.5]:25: Connection timed out")));

        var outcome = Assert.Single(await Run(world));

        Assert.Equal(MailboxOutcome.Automatic, outcome.Disposition);
        Assert.Empty(recorder.Calls);
        Assert.Single(MailboxIntakeTests.Outbox(world));
    }

    [Fact]
    public async Task A_plain_text_bounce_from_mailer_daemon_quoting_our_message_id_is_recognised()
    {
        var (world, user, recorder) = World();
        using var _ = world;
        var ours = Queue(world, "receipt/92");
        await dovecot.AppendAsync(user, TestBounces.Qmail(ours, Liaison, "t1.liaison@mail.example.gov.cn"));

        var outcome = Assert.Single(await Run(world));

        Assert.Equal((MailboxOutcome.Bounce, "Processed"), (outcome.Disposition, outcome.Folder));
        var bounce = Assert.Single(recorder.Calls);
        Assert.Equal((ours, Liaison, "5.1.1"), (bounce.MessageId, bounce.Recipient, bounce.Status));
        Assert.Contains("User unknown", bounce.Diagnostic);
        Assert.Single(MailboxIntakeTests.Outbox(world));
    }

    [Fact]
    public async Task A_report_about_a_message_we_did_not_send_is_filed_unanswered()
    {
        var (world, user, recorder) = World();
        using var _ = world;
        Queue(world, "receipt/93");
        await dovecot.AppendAsync(user, TestBounces.Dsn("someone-else.123@mail.example.gov.cn", ("x@unit.gov.cn", "failed", "5.1.1", "550 User unknown")));

        var outcome = Assert.Single(await Run(world));

        Assert.Equal((MailboxOutcome.NotAnswered, "Rejected"), (outcome.Disposition, outcome.Folder));
        Assert.Equal("someone-else.123@mail.example.gov.cn", Assert.Single(recorder.Calls).MessageId);
        Assert.Single(MailboxIntakeTests.Outbox(world));
        Assert.Single(await dovecot.MessagesAsync(user, "Rejected"));
    }

    [Fact]
    public async Task The_same_report_delivered_again_is_only_moved()
    {
        var (world, user, recorder) = World();
        using var _ = world;
        var raw = TestBounces.Dsn(Queue(world, "receipt/94"), (Liaison, "failed", "5.2.2", "552 5.2.2 Mailbox full"));
        await dovecot.AppendAsync(user, raw);
        await Run(world);
        await dovecot.AppendAsync(user, raw);

        var again = Assert.Single(await Run(world));

        Assert.Equal((MailboxOutcome.AlreadyTaken, "Processed"), (again.Disposition, again.Folder));
        Assert.Single(recorder.Calls);
    }

    private (TestWorld World, string User, RecordingBounceRecorder Recorder) World()
    {
        dovecot.Require();
        var user = dovecot.NewUser();
        var recorder = new RecordingBounceRecorder();
        // Registered over whatever Delivery registers: these tests are about what intake hands over.
        var world = new TestWorld(dovecot.Settings(user), services: s => s.AddSingleton<IBounceRecorder>(recorder));
        world.ImportSmallRegistry();
        return (world, user, recorder);
    }

    /// <summary>Queues a receipt to the liaison and returns its Message-Id.</summary>
    private static string Queue(TestWorld world, string key)
    {
        world.Get<OutboxStore>().Enqueue(new OutgoingMessage(key, "receipt", "U02", [Recipient.Parse(Liaison)], "【回执】测试", "<p>已登记</p>", "已登记", []));
        return world.Get<MessageBuilder>().MessageIdFor(key);
    }

    private static async Task<IReadOnlyList<MailboxOutcome>> Run(TestWorld world) =>
        await world.Get<MailboxIntake>().ProcessAsync(CancellationToken.None);
}
