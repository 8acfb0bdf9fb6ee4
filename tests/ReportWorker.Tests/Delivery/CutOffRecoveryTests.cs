using System.Diagnostics;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ReportWorker.Delivery;
using ReportWorker.Ledger;
using ReportWorker.Storage;
using ReportWorker.Tests.Support;

namespace ReportWorker.Tests.Delivery;

/// <summary>
/// A message left 'sending' (its worker died between the claim and the 250 being recorded), settled in
/// process: the journal's answer decides whether it goes again; a live worker's message is left alone.
/// </summary>
public class CutOffRecoveryTests
{
    // A worker on this machine whose process is gone (no process has the largest pid).
    private static readonly string GoneWorker = $"{Environment.MachineName.Replace('/', '_')}/{int.MaxValue}/0/crashed";

    [Fact]
    public async Task The_journal_has_a_copy_so_the_message_is_marked_sent_and_not_sent_again()
    {
        await using var smtp = new SmtpTestServer();
        var journal = new RelayJournal(smtp, RelayJournal.Address);
        using var world = World(smtp, journal, new LogCapture());
        var id = Assert.Single(Queue.Messages(world, 1));
        await world.Get<OutboxSender>().DeliverDueAsync(TestContext.Current.CancellationToken);
        CutOff(world); // as if the worker died after the 250 but before recording it

        var result = await world.Get<OutboxSender>().DeliverDueAsync(TestContext.Current.CancellationToken);

        Assert.Equal(new DeliveryResult(1, 0, 0), result);
        Assert.Single(smtp.ByMessageId(id));
        Assert.Equal("sent", Status(world));
    }

    [Fact]
    public async Task The_journal_has_no_copy_so_the_message_goes_once_without_a_duplicate_warning()
    {
        await using var smtp = new SmtpTestServer();
        var journal = new RelayJournal(smtp, RelayJournal.Address);
        var log = new LogCapture();
        using var world = World(smtp, journal, log);
        var id = Assert.Single(Queue.Messages(world, 1));
        CutOff(world); // as if the worker died after the claim, before MAIL FROM

        var result = await world.Get<OutboxSender>().DeliverDueAsync(TestContext.Current.CancellationToken);

        Assert.Equal(new DeliveryResult(1, 0, 0), result);
        Assert.Equal([id], journal.Asked);
        Assert.Single(smtp.ByMessageId(id));
        Assert.Single(log.Of("CutOffResending", LogLevel.Information));
        Assert.Empty(log.Of("PossibleDuplicate", LogLevel.Warning));
    }

    [Fact]
    public async Task Without_a_journal_the_message_goes_again_under_the_same_message_id_with_a_warning()
    {
        await using var smtp = new SmtpTestServer();
        var log = new LogCapture();
        using var world = World(smtp, journal: null, log);
        var id = Assert.Single(Queue.Messages(world, 1));
        await world.Get<OutboxSender>().DeliverDueAsync(TestContext.Current.CancellationToken);
        CutOff(world);

        var result = await world.Get<OutboxSender>().DeliverDueAsync(TestContext.Current.CancellationToken);

        Assert.Equal(new DeliveryResult(1, 0, 0) { Unconfirmed = 1 }, result);
        Assert.Equal(2, smtp.ByMessageId(id).Count);
        var warning = Assert.Single(log.Of("PossibleDuplicate", LogLevel.Warning));
        Assert.Contains($"<{id}>", warning);
        Assert.Contains("may arrive twice", warning);
    }

    [Fact]
    public async Task A_message_a_live_worker_is_sending_is_left_alone_until_its_claim_is_stale()
    {
        await using var smtp = new SmtpTestServer();
        using var world = World(smtp, new RelayJournal(smtp, RelayJournal.Address), new LogCapture());
        var id = Assert.Single(Queue.Messages(world, 1));
        using var other = Process.Start(new ProcessStartInfo("sleep", "60") { UseShellExecute = false })!;
        try
        {
            CutOff(world, SenderIdentity.ClaimOf(other));

            var meanwhile = await world.Get<OutboxSender>().DeliverDueAsync(TestContext.Current.CancellationToken);
            world.Clock.Advance(TimeSpan.FromMinutes(31)); // Mail:SendingStaleMinutes is 30
            var later = await world.Get<OutboxSender>().DeliverDueAsync(TestContext.Current.CancellationToken);

            Assert.Equal(new DeliveryResult(0, 0, 0), meanwhile);
            Assert.Equal(new DeliveryResult(1, 0, 0), later);
            Assert.Single(smtp.ByMessageId(id));
        }
        finally
        {
            other.Kill();
            other.WaitForExit();
        }
    }

    private static TestWorld World(SmtpTestServer smtp, RelayJournal? journal, LogCapture log)
    {
        var settings = smtp.Settings();
        if (journal is not null) settings["Mail:JournalAddress"] = RelayJournal.Address;
        return new TestWorld(settings, services: s =>
        {
            s.AddSingleton<ILoggerProvider>(log);
            if (journal is not null) s.AddSingleton<IDeliveryJournal>(journal);
        });
    }

    private static void CutOff(TestWorld world, string? claim = null)
    {
        using var c = world.Get<LedgerDatabase>().Open();
        c.Execute("UPDATE outbox SET status = 'sending', claimed_by = @claim, sending_since = @now, delivered_at = NULL, delivered_to = NULL, transactions = 0",
            new { claim = claim ?? GoneWorker, now = world.Clock.GetUtcNow().Stored() });
        // Its recipients were in that (first) transaction, not yet recorded either way.
        c.Execute("UPDATE outbox_recipients SET status = 'sending', transaction_no = 1, sent_at = NULL");
    }

    private static string Status(TestWorld world)
    {
        using var c = world.Get<LedgerDatabase>().Open();
        return c.QuerySingle<string>("SELECT status FROM outbox");
    }
}
