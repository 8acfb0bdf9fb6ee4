using Dapper;
using ReportWorker.Storage;

namespace ReportWorker.Delivery;

/// <summary>
/// What <c>health</c> judges the outbox by. <see cref="Stuck"/>: not sent after the attempts that trigger an alert;
/// <see cref="Overdue"/>: due, and not taken by any delivery run since <see cref="OldestOverdue"/>;
/// <see cref="StaleSending"/>: marked as being sent since before the stale limit. Times are stored UTC text.
/// </summary>
public sealed record OutboxBacklog
{
    // Properties rather than a constructor: an empty MIN() comes back from SQLite typed as a blob, which Dapper cannot match to a parameter.
    public long Pending { get; init; }
    public long Sending { get; init; }
    public long Failed { get; init; }
    public long Stuck { get; init; }
    public long Overdue { get; init; }
    public string? OldestOverdue { get; init; }
    public long StaleSending { get; init; }
    public string? OldestSending { get; init; }
    public long? OldestFailedId { get; init; }
    public string? OldestFailedError { get; init; }
}

// A read-only summary for monitoring; it changes nothing.
public sealed partial class OutboxStore
{
    public OutboxBacklog Backlog(int stuckAfterAttempts, DateTimeOffset dueBefore, DateTimeOffset sendingBefore)
    {
        using var c = database.Open();
        return c.QuerySingle<OutboxBacklog>($"""
            SELECT
              (SELECT COUNT(*) FROM outbox WHERE status = '{OutboxStates.Pending}') AS Pending,
              (SELECT COUNT(*) FROM outbox WHERE status = '{OutboxStates.Sending}') AS Sending,
              (SELECT COUNT(*) FROM outbox WHERE status = '{OutboxStates.Failed}') AS Failed,
              (SELECT COUNT(*) FROM outbox WHERE status IN ('{OutboxStates.Pending}', '{OutboxStates.Sending}') AND attempts >= @stuckAfterAttempts) AS Stuck,
              (SELECT COUNT(*) FROM outbox WHERE status = '{OutboxStates.Pending}' AND COALESCE(next_attempt_at, created_at) <= @dueBefore) AS Overdue,
              (SELECT MIN(COALESCE(next_attempt_at, created_at)) FROM outbox WHERE status = '{OutboxStates.Pending}' AND COALESCE(next_attempt_at, created_at) <= @dueBefore) AS OldestOverdue,
              (SELECT COUNT(*) FROM outbox WHERE status = '{OutboxStates.Sending}' AND sending_since <= @sendingBefore) AS StaleSending,
              (SELECT MIN(sending_since) FROM outbox WHERE status = '{OutboxStates.Sending}' AND sending_since <= @sendingBefore) AS OldestSending,
              (SELECT MIN(id) FROM outbox WHERE status = '{OutboxStates.Failed}') AS OldestFailedId,
              (SELECT last_error FROM outbox WHERE status = '{OutboxStates.Failed}' ORDER BY id LIMIT 1) AS OldestFailedError
            """, new { stuckAfterAttempts, dueBefore = dueBefore.Stored(), sendingBefore = sendingBefore.Stored() });
    }
}
