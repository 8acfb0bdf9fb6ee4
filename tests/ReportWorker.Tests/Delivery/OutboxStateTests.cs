using ReportWorker.Delivery;
using ReportWorker.Tests.Support;

namespace ReportWorker.Tests.Delivery;

/// <summary>The outbox states and the text stored for them, which existing ledgers already hold.</summary>
public sealed class OutboxStateTests
{
    [Fact]
    public void Every_state_round_trips_through_the_text_existing_ledgers_hold()
    {
        Assert.Equal(Enum.GetValues<OutboxState>(), OutboxStates.All);
        Assert.Equal(["pending", "sending", "sent", "failed"], OutboxStates.All.Select(s => s.ToStored()));
        Assert.All(OutboxStates.All, s => Assert.Equal(s, OutboxStates.FromStored(s.ToStored())));
    }

    [Fact]
    public void Text_that_is_no_state_is_refused_with_the_text_named()
    {
        var ex = Assert.Throws<InvalidDataException>(() => OutboxStates.FromStored("Pending"));

        Assert.Contains("\"Pending\"", ex.Message);
    }

    [Fact]
    public void A_queued_message_reads_back_as_pending_and_a_retried_failure_as_pending_again()
    {
        using var world = new TestWorld();
        Queue.Messages(world, 2);
        var store = world.Get<OutboxStore>();
        store.MarkFailed(2, "test", "SMTP 550");

        Assert.Equal([(OutboxState.Failed, 1L), (OutboxState.Pending, 1L)], store.Counts());
        Assert.Equal(OutboxState.Pending, store.Find(1)!.Status);
        Assert.Equal(OutboxState.Failed, store.Requeue(2));
        Assert.Equal(OutboxState.Pending, store.Find(2)!.Status);
    }
}
