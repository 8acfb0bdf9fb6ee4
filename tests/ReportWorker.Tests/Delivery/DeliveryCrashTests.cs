using Dapper;
using Microsoft.Extensions.DependencyInjection;
using ReportWorker.Delivery;
using ReportWorker.Ledger;
using ReportWorker.Tests.Support;

namespace ReportWorker.Tests.Delivery;

/// <summary>
/// kill -9 of the real executable between marking a message sending and marking it sent, then a new run:
/// the journal decides; without one the message goes again under the same Message-Id.
/// </summary>
public sealed class DeliveryCrashTests : IDisposable
{
    private readonly CrashHarness _harness;
    private readonly string _messageId;

    public DeliveryCrashTests()
    {
        var queued = new List<string>();
        _harness = new CrashHarness(world => queued.AddRange(Queue.Messages(world, 1)));
        _messageId = Assert.Single(queued);
    }

    public void Dispose() => _harness.Dispose();

    [Fact]
    public async Task Killed_after_the_server_accepted_then_rerun_without_a_journal_sends_it_again_under_the_same_message_id()
    {
        await using var smtp = new SmtpTestServer();

        _harness.Use(smtp.Settings()).Crash("deliver", "delivery-after-send");
        Assert.Single(smtp.ByMessageId(_messageId));
        Assert.Equal("sending", Status());

        var rerun = _harness.Rerun("deliver");

        Assert.Contains("注意：1 封邮件上次发送时中断", rerun.Output);
        Assert.Equal(2, smtp.ByMessageId(_messageId).Count); // the receiver can tell the copies apart from nothing else: same Message-Id
        Assert.Equal("sent", Status());
    }

    [Fact]
    public async Task Killed_after_the_server_accepted_then_the_journal_has_its_copy_so_it_is_not_sent_again()
    {
        await using var smtp = new SmtpTestServer();
        _harness.Use(smtp.Settings()).Use([new("Mail:JournalAddress", RelayJournal.Address)]).Crash("deliver", "delivery-after-send");
        var copy = Assert.Single(smtp.ByMessageId(_messageId));
        Assert.Equal(["liaison1@example.gov.cn", RelayJournal.Address], copy.To); // the journal is in the envelope
        Assert.DoesNotContain(RelayJournal.Address, copy.Message.Headers.ToString()); // and nowhere in the message

        var journal = new RelayJournal(smtp, RelayJournal.Address);
        var settings = smtp.Settings();
        settings["Data:Root"] = _harness.Data;
        settings["Mail:JournalAddress"] = RelayJournal.Address;
        using var world = new TestWorld(settings, services: s => s.AddSingleton<IDeliveryJournal>(journal));
        var result = await world.Get<OutboxSender>().DeliverDueAsync(TestContext.Current.CancellationToken);

        Assert.Equal(new DeliveryResult(1, 0, 0), result);
        Assert.Equal([_messageId], journal.Asked);
        Assert.Single(smtp.ByMessageId(_messageId));
        using var c = world.Get<LedgerDatabase>().Open();
        Assert.Equal(("sent", "confirmed by the delivery journal"), c.QuerySingle<(string, string)>("SELECT status, delivered_to FROM outbox"));
    }

    [Fact]
    public async Task Killed_after_marking_sending_but_before_sending_then_rerun_delivers_it_exactly_once()
    {
        await using var smtp = new SmtpTestServer();

        _harness.Use(smtp.Settings()).Crash("deliver", "delivery-before-send");
        Assert.Empty(smtp.Received);
        Assert.Equal("sending", Status());

        _harness.Rerun("deliver");

        Assert.Single(smtp.ByMessageId(_messageId));
        Assert.Equal("sent", Status());
    }

    private string Status()
    {
        using var c = _harness.Ledger();
        return c.QuerySingle<string>("SELECT status FROM outbox");
    }
}
