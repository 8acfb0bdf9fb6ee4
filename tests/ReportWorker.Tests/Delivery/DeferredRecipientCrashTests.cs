using Dapper;
using Microsoft.Extensions.DependencyInjection;
using ReportWorker.Delivery;
using ReportWorker.Ledger;
using ReportWorker.Tests.Support;

namespace ReportWorker.Tests.Delivery;

/// <summary>
/// kill -9 of the real executable during the second transaction of a message, the one that carries a recipient the
/// relay had deferred: no recipient gets the message twice, none is lost. The first liaison has it from the first
/// transaction; the journal, one copy per transaction, tells whether the cut-off second one went.
/// </summary>
public sealed class DeferredRecipientCrashTests : IDisposable
{
    private const string First = "liaison1@example.gov.cn", Second = "liaison2@example.gov.cn";
    private readonly CrashHarness _harness;
    private readonly string _messageId;

    public DeferredRecipientCrashTests()
    {
        string? id = null;
        _harness = new CrashHarness(world =>
        {
            world.Get<OutboxStore>().Enqueue(new OutgoingMessage("test/two", "receipt", "U01",
                [new Recipient("联络员一", First), new Recipient("联络员二", Second)], "【回执】测试", "<p>回执</p>", "回执", []));
            id = world.Get<MessageBuilder>().MessageIdFor("test/two");
        });
        _messageId = id!;
    }

    public void Dispose() => _harness.Dispose();

    /// <summary>The first run: the relay defers the second liaison; then its wait is over (as if time had passed).</summary>
    private async Task<SmtpTestServer> FirstTransactionDefersTheSecond(bool journal)
    {
        var smtp = new SmtpTestServer();
        var deferring = true;
        smtp.FailRecipient = to => to == Second && Volatile.Read(ref deferring) ? SmtpTestServer.Reply(452, "4.2.2 Mailbox full") : null;
        _harness.Use(smtp.Settings());
        if (journal) _harness.Use([new("Mail:JournalAddress", RelayJournal.Address)]);
        _harness.Rerun("deliver");
        Assert.Equal([First], Copies(smtp, First).Concat(Copies(smtp, Second)).SelectMany(c => c.To).Where(a => a != RelayJournal.Address));
        Volatile.Write(ref deferring, false);
        using var c = _harness.Ledger();
        c.Execute("UPDATE outbox_recipients SET next_attempt_at = NULL; UPDATE outbox SET next_attempt_at = NULL");
        await Task.CompletedTask;
        return smtp;
    }

    [Fact]
    public async Task Killed_after_the_relay_took_the_deferred_recipient_the_journal_counts_two_copies_and_nobody_gets_it_twice()
    {
        await using var smtp = await FirstTransactionDefersTheSecond(journal: true);

        _harness.Crash("deliver", "delivery-after-send");
        Assert.Single(Copies(smtp, Second));

        var journal = new RelayJournal(smtp, RelayJournal.Address);
        using var world = await RerunInProcessAsync(smtp, journal);

        Assert.Single(Copies(smtp, First));
        Assert.Single(Copies(smtp, Second));
        Assert.Equal([_messageId], journal.Asked);
        Assert.All(world.Get<OutboxStore>().Recipients(1), r => Assert.Equal(RecipientState.Sent, r.Status));
    }

    [Fact]
    public async Task Killed_before_the_deferred_recipients_transaction_the_rerun_sends_it_to_that_recipient_alone_once()
    {
        await using var smtp = await FirstTransactionDefersTheSecond(journal: true);

        _harness.Crash("deliver", "delivery-before-send");
        Assert.Empty(Copies(smtp, Second));

        var journal = new RelayJournal(smtp, RelayJournal.Address);
        using var world = await RerunInProcessAsync(smtp, journal);

        Assert.Single(Copies(smtp, First)); // the journal's one copy is the first transaction's: the second goes, to the second liaison only
        Assert.Single(Copies(smtp, Second));
        Assert.All(world.Get<OutboxStore>().Recipients(1), r => Assert.Equal(RecipientState.Sent, r.Status));
    }

    [Fact]
    public async Task Without_a_journal_a_cut_off_retry_goes_again_to_the_deferred_recipient_only_never_to_the_one_already_reached()
    {
        await using var smtp = await FirstTransactionDefersTheSecond(journal: false);

        _harness.Crash("deliver", "delivery-after-send");
        _harness.Rerun("deliver");

        Assert.Single(Copies(smtp, First));
        Assert.Equal(2, Copies(smtp, Second).Count); // the known in-doubt window without a journal, for this recipient alone
        using var c = _harness.Ledger();
        Assert.Equal(["sent", "sent"], c.Query<string>("SELECT status FROM outbox_recipients ORDER BY id"));
    }

    /// <summary>The next delivery run, in this process, with the journal the relay feeds.</summary>
    private async Task<TestWorld> RerunInProcessAsync(SmtpTestServer smtp, RelayJournal journal)
    {
        var settings = smtp.Settings();
        settings["Data:Root"] = _harness.Data;
        settings["Mail:JournalAddress"] = RelayJournal.Address;
        var world = new TestWorld(settings, services: s => s.AddSingleton<IDeliveryJournal>(journal));
        await world.Get<OutboxSender>().DeliverDueAsync(TestContext.Current.CancellationToken);
        return world;
    }

    private IReadOnlyList<ReceivedMail> Copies(SmtpTestServer smtp, string address) => smtp.ByMessageId(_messageId).Where(m => m.To.Contains(address)).ToArray();
}
