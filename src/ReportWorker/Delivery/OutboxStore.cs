using ReportWorker.Storage;
using System.Data;
using Dapper;
using ReportWorker.Ledger;

namespace ReportWorker.Delivery;

public sealed record QueuedMessage(long Id, string MessageKey, string MessageId, string Kind, string? UnitCode, string Recipients, string Subject, byte[] Mime, long Attempts);

/// <summary>The durable outbox in the ledger. A message is queued in the same transaction as the fact it reports.</summary>
public sealed class OutboxStore(LedgerDatabase database, MessageBuilder builder, TimeProvider clock)
{
    /// <summary>Queues a message unless one with the same key exists. Returns false if it was already queued.</summary>
    public bool Enqueue(IDbConnection c, IDbTransaction tx, OutgoingMessage message)
    {
        var recipients = string.Join(", ", message.To.Concat(message.Cc).Select(a => a.Address));
        return c.Execute("""
            INSERT INTO outbox(message_key, message_id, kind, unit_code, recipients, subject, mime, created_at)
            VALUES (@Key, @messageId, @Kind, @UnitCode, @recipients, @Subject, @mime, @now)
            ON CONFLICT(message_key) DO NOTHING
            """, new
        {
            message.Key, messageId = builder.MessageIdFor(message.Key), message.Kind, message.UnitCode, recipients,
            message.Subject, mime = builder.Build(message), now = clock.GetUtcNow().Stored(),
        }, tx) == 1;
    }

    public bool Enqueue(OutgoingMessage message) => database.InTransaction((c, tx) => Enqueue(c, tx, message));


    public IReadOnlyList<QueuedMessage> Due(int limit = 200)
    {
        using var c = database.Open();
        return c.Query<QueuedMessage>("""
            SELECT id AS Id, message_key AS MessageKey, message_id AS MessageId, kind AS Kind, unit_code AS UnitCode,
                   recipients AS Recipients, subject AS Subject, mime AS Mime, attempts AS Attempts
            FROM outbox WHERE status = 'pending' AND (next_attempt_at IS NULL OR next_attempt_at <= @now)
            ORDER BY id LIMIT @limit
            """, new { now = clock.GetUtcNow().Stored(), limit }).ToArray();
    }

    public void MarkSent(long id, string deliveredTo)
    {
        using var c = database.Open();
        c.Execute("UPDATE outbox SET status = 'sent', attempts = attempts + 1, delivered_at = @now, delivered_to = @deliveredTo, last_error = NULL WHERE id = @id",
            new { id, deliveredTo, now = clock.GetUtcNow().Stored() });
    }

    public void MarkRetry(long id, string error, DateTimeOffset next)
    {
        using var c = database.Open();
        c.Execute("UPDATE outbox SET attempts = attempts + 1, last_error = @error, next_attempt_at = @next WHERE id = @id",
            new { id, error, next = next.Stored() });
    }

    public void MarkFailed(long id, string error)
    {
        using var c = database.Open();
        c.Execute("UPDATE outbox SET status = 'failed', attempts = attempts + 1, last_error = @error WHERE id = @id", new { id, error });
    }

    public IReadOnlyList<(string Status, long Count)> Counts()
    {
        using var c = database.Open();
        return c.Query<(string, long)>("SELECT status, COUNT(*) FROM outbox GROUP BY status ORDER BY status").ToArray();
    }
}
