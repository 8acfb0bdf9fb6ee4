using Dapper;
using ReportWorker.Ledger;

namespace ReportWorker.Delivery;

public sealed record OutboxEntry(long Id, string Kind, string? UnitCode, string Recipients, string Subject, string Status, long Attempts,
    string? NextAttemptAt, string? LastError, string? RefusedRecipients, string? DeliveredAt);

public enum RetryOutcome { Requeued, NotFound, AlreadySent, BeingSent }

/// <summary>What the operator sees of the outbox and may do to it (the `outbox` command).</summary>
public sealed class OutboxAdmin(LedgerDatabase database)
{
    private const string Columns = """
        id AS Id, kind AS Kind, unit_code AS UnitCode, recipients AS Recipients, subject AS Subject, status AS Status, attempts AS Attempts,
        next_attempt_at AS NextAttemptAt, last_error AS LastError, refused_recipients AS RefusedRecipients, delivered_at AS DeliveredAt
        """;

    public IReadOnlyList<(string Status, long Count)> Counts()
    {
        using var c = database.Open();
        return c.Query<(string, long)>("SELECT status, COUNT(*) FROM outbox GROUP BY status ORDER BY status").ToArray();
    }

    /// <summary>Everything not yet sent: pending, being sent, failed.</summary>
    public IReadOnlyList<OutboxEntry> Unfinished()
    {
        using var c = database.Open();
        return c.Query<OutboxEntry>($"SELECT {Columns} FROM outbox WHERE status IN ('pending', 'sending', 'failed') ORDER BY id").ToArray();
    }

    /// <summary>Sent messages that some recipients' servers refused for good.</summary>
    public IReadOnlyList<OutboxEntry> PartlyRefused()
    {
        using var c = database.Open();
        return c.Query<OutboxEntry>($"SELECT {Columns} FROM outbox WHERE status = 'sent' AND refused_recipients IS NOT NULL ORDER BY id").ToArray();
    }

    public OutboxEntry? Find(long id)
    {
        using var c = database.Open();
        return c.QuerySingleOrDefault<OutboxEntry>($"SELECT {Columns} FROM outbox WHERE id = @id", new { id });
    }

    /// <summary>
    /// Puts a failed or stuck message back to pending, due now, with a fresh count of attempts and no alert
    /// recorded, so that it gets the full series of retries again and a new alert if it sticks again.
    /// </summary>
    public RetryOutcome Retry(long id) => database.InTransaction((c, tx) =>
    {
        var status = c.QuerySingleOrDefault<string>("SELECT status FROM outbox WHERE id = @id", new { id }, tx);
        switch (status)
        {
            case null: return RetryOutcome.NotFound;
            case "sent": return RetryOutcome.AlreadySent;
            case "sending": return RetryOutcome.BeingSent;
        }
        c.Execute("UPDATE outbox SET status = 'pending', attempts = 0, next_attempt_at = NULL, alerted_at = NULL WHERE id = @id", new { id }, tx);
        return RetryOutcome.Requeued;
    });
}
