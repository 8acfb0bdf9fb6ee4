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
    public void Each_state_the_store_writes_is_the_one_it_reads_back()
    {
        using var world = new TestWorld();
        Queue.Messages(world, 3);
        var store = world.Get<OutboxStore>();

        Assert.True(store.TryClaim(1, "test"));
        store.MarkFailed(2, "test", "SMTP 550");
        store.MarkSent(3, "smtp://relay:587", []);

        Assert.Equal([1L], store.Sending().Select(m => m.Id));
        Assert.Empty(store.Due());
        Assert.Equal([(1L, OutboxState.Sending), (2L, OutboxState.Failed)], store.Unfinished().Select(e => (e.Id, e.Status)));
        Assert.Equal([(OutboxState.Failed, 1L), (OutboxState.Sending, 1L), (OutboxState.Sent, 1L)], store.Counts());
        Assert.Equal(OutboxState.Failed, store.Requeue(2));
        Assert.Equal([2L], store.Due().Select(m => m.Id));
    }
}
