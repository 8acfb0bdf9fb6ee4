namespace ReportWorker.Delivery;

public enum RetryOutcome { Requeued, NotFound, AlreadySent, BeingSent }

/// <summary>What the operator sees of the outbox and may do to it (the `outbox` command); the rows are the store's.</summary>
public sealed class OutboxAdmin(OutboxStore outbox)
{
    public IReadOnlyList<(OutboxState State, long Count)> Counts() => outbox.Counts();

    /// <summary>Everything not yet sent: pending, being sent, failed.</summary>
    public IReadOnlyList<OutboxEntry> Unfinished() => outbox.Unfinished();


    public OutboxEntry? Find(long id) => outbox.Find(id);

    /// <summary>Messages waiting for a later attempt, and the earliest of those attempts (stored UTC text).</summary>
    public (long Count, string? Earliest) Waiting() => outbox.Waiting();

    /// <summary>Retries every failed message (<paramref name="unitCode"/> null) or every message of a unit not yet reaching it; returns those put back.</summary>
    public IReadOnlyList<long> RetryAll(string? unitCode) => outbox.RetryCandidates(unitCode).Where(id => Retry(id) == RetryOutcome.Requeued).ToArray();

    /// <summary>Recipients by state across the outbox: delivered and bounced apart.</summary>
    public IReadOnlyList<(RecipientState State, long Count)> RecipientCounts() => outbox.RecipientCounts();

    /// <summary>The relay outage in progress, if the last try could not reach it.</summary>
    public RelayDown? RelayStatus() => outbox.RelayStatus();

    /// <summary>Recipients not reached: deferred, refused, bounced, given up.</summary>
    public IReadOnlyList<RecipientAlert> Unreached() => outbox.Unreached();

    /// <summary>
    /// Puts a failed or stuck message back to pending, due now, with a fresh count of attempts and no alert
    /// recorded, so that it gets the full series of retries again and a new alert if it sticks again.
    /// </summary>
    public RetryOutcome Retry(long id) => outbox.Requeue(id) switch
    {
        null => RetryOutcome.NotFound,
        OutboxState.Sent => RetryOutcome.AlreadySent,
        OutboxState.Sending => RetryOutcome.BeingSent,
        _ => RetryOutcome.Requeued,
    };
}
