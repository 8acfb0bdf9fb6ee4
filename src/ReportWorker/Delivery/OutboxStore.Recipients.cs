using System.Data;
using System.Globalization;
using Dapper;
using ReportWorker.Storage;

namespace ReportWorker.Delivery;

/// <summary>What one SMTP transaction did for each recipient it carried.</summary>
public sealed record RecipientResults(IReadOnlyList<string> Accepted, IReadOnlyList<RefusedRecipient> Refused, IReadOnlyList<RefusedRecipient> Deferred);

// Delivery per recipient (migration 0011): each recipient's state, the claim of the recipients a transaction
// carries, what the relay said of each, bounces, and the liaison changes that recipients not yet reached follow.
public sealed partial class OutboxStore : IBounceRecorder
{
    private const string RecipientColumns = """
        id AS Id, outbox_id AS OutboxId, address AS Address, unit_code AS UnitCode, status AS Status, attempts AS Attempts,
        next_attempt_at AS NextAttemptAt, first_deferred_at AS FirstDeferredAt, last_reply AS LastReply, sent_at AS SentAt, replaced_by AS ReplacedBy
        FROM outbox_recipients
        """;

    private sealed record RecipientRow(long Id, long OutboxId, string Address, string? UnitCode, string Status, long Attempts,
        string? NextAttemptAt, string? FirstDeferredAt, string? LastReply, string? SentAt, string? ReplacedBy)
    {
        public OutboxRecipient ToRecipient() => new(Id, OutboxId, Address, UnitCode, RecipientStates.FromStored(Status), Attempts, NextAttemptAt, FirstDeferredAt, LastReply, SentAt, ReplacedBy);
    }

    /// <summary>The recipients of a message, in the order they were added (a message queued before migration 0011 and never due since has none).</summary>
    public IReadOnlyList<OutboxRecipient> Recipients(long outboxId)
    {
        using var c = database.Open();
        return c.Query<RecipientRow>($"SELECT {RecipientColumns} WHERE outbox_id = @outboxId ORDER BY id", new { outboxId }).Select(r => r.ToRecipient()).ToArray();
    }

    /// <summary>Adds recipients (pending) to a message, each with the unit whose liaison it is, if any; an address already there is left as it is.</summary>
    private static void AddRecipients(IDbConnection c, IDbTransaction tx, long outboxId, IEnumerable<string> addresses)
    {
        foreach (var address in addresses.Distinct(StringComparer.OrdinalIgnoreCase))
            c.Execute($"""
                INSERT INTO outbox_recipients(outbox_id, address, unit_code, status)
                VALUES (@outboxId, @address, (SELECT MIN(unit_code) FROM unit_liaisons WHERE LOWER(email) = LOWER(@address)), '{RecipientStates.Pending}')
                ON CONFLICT(outbox_id, address) DO NOTHING
                """, new { outboxId, address }, tx);
    }

    /// <summary>
    /// Claims a due message for this worker and, in the same transaction, the recipients its next SMTP transaction
    /// carries: those pending and those deferred whose wait is over. Returns them with the transaction's number among
    /// the message's (empty: nothing is due after all, and the message waits for its next recipient); null when
    /// another worker got there first.
    /// </summary>
    public (IReadOnlyList<string> Addresses, long TransactionNo)? ClaimRecipients(long id, string claim) => database.InTransaction<(IReadOnlyList<string>, long)?>((c, tx) =>
    {
        var now = clock.GetUtcNow().Stored();
        if (c.Execute($"UPDATE outbox SET status = '{OutboxStates.Sending}', sending_since = @now, claimed_by = @claim WHERE id = @id AND status = '{OutboxStates.Pending}'",
                new { id, claim, now }, tx) != 1) return null;
        // A message queued before per-recipient delivery gets its rows from the list it was queued with.
        if (c.ExecuteScalar<long>("SELECT COUNT(*) FROM outbox_recipients WHERE outbox_id = @id", new { id }, tx) == 0)
            AddRecipients(c, tx, id, c.ExecuteScalar<string>("SELECT recipients FROM outbox WHERE id = @id", new { id }, tx)!
                .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        var transactionNo = c.ExecuteScalar<long>("SELECT transactions FROM outbox WHERE id = @id", new { id }, tx) + 1;
        c.Execute($"""
            UPDATE outbox_recipients SET status = '{RecipientStates.Sending}', transaction_no = @transactionNo
            WHERE outbox_id = @id AND (status = '{RecipientStates.Pending}' OR (status = '{RecipientStates.Deferred}' AND (next_attempt_at IS NULL OR next_attempt_at <= @now)))
            """, new { id, now, transactionNo }, tx);
        var claimed = c.Query<string>($"SELECT address FROM outbox_recipients WHERE outbox_id = @id AND status = '{RecipientStates.Sending}' ORDER BY id", new { id }, tx).ToArray();
        if (claimed.Length == 0) Settle(c, tx, id, now);
        return (claimed, transactionNo);
    });

    /// <summary>
    /// The recipients a cut-off transaction was carrying, and its number among the message's transactions. A message
    /// cut off before per-recipient delivery has no rows: all its recipients were in that transaction.
    /// </summary>
    public (IReadOnlyList<string> Addresses, long TransactionNo) InFlight(long id) => database.InTransaction<(IReadOnlyList<string>, long)>((c, tx) =>
    {
        var transactions = c.ExecuteScalar<long>("SELECT transactions FROM outbox WHERE id = @id", new { id }, tx);
        if (c.ExecuteScalar<long>("SELECT COUNT(*) FROM outbox_recipients WHERE outbox_id = @id", new { id }, tx) == 0)
        {
            AddRecipients(c, tx, id, c.ExecuteScalar<string>("SELECT recipients FROM outbox WHERE id = @id", new { id }, tx)!
                .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            c.Execute($"UPDATE outbox_recipients SET status = '{RecipientStates.Sending}', transaction_no = @no WHERE outbox_id = @id", new { id, no = transactions + 1 }, tx);
        }
        var rows = c.Query<(string Address, long? TransactionNo)>($"SELECT address, transaction_no FROM outbox_recipients WHERE outbox_id = @id AND status = '{RecipientStates.Sending}' ORDER BY id", new { id }, tx).ToArray();
        return (rows.Select(r => r.Address).ToArray(), rows.Length == 0 ? transactions + 1 : rows.Max(r => r.TransactionNo ?? transactions + 1));
    });

    /// <summary>
    /// Records what the relay said of each recipient of transaction <paramref name="transactionNo"/>, and where the
    /// message now stands: pending while any recipient waits (due when the first of them is), else sent when someone
    /// got it, else failed. A deferred recipient waits 5, 10, 20, 40 minutes, then an hour between tries, as a mail
    /// server does, and expires once it has waited <paramref name="lifetime"/> since the first "later".
    /// </summary>
    public OutboxState RecordTransaction(long id, long transactionNo, bool transacted, string where, RecipientResults results, TimeSpan lifetime) => database.InTransaction((c, tx) =>
    {
        var now = clock.GetUtcNow();
        var stored = now.Stored();
        foreach (var address in results.Accepted)
            c.Execute($"UPDATE outbox_recipients SET status = '{RecipientStates.Sent}', sent_at = @stored, attempts = attempts + 1, last_reply = NULL WHERE outbox_id = @id AND LOWER(address) = LOWER(@address) AND status = '{RecipientStates.Sending}'",
                new { id, address, stored }, tx);
        foreach (var r in results.Refused)
            c.Execute($"UPDATE outbox_recipients SET status = '{RecipientStates.Refused}', attempts = attempts + 1, last_reply = @reply WHERE outbox_id = @id AND LOWER(address) = LOWER(@address) AND status = '{RecipientStates.Sending}'",
                new { id, address = r.Address, reply = r.Reply }, tx);
        foreach (var r in results.Deferred)
        {
            var row = c.QuerySingleOrDefault<(long Attempts, string? FirstDeferredAt)>(
                $"SELECT attempts, first_deferred_at FROM outbox_recipients WHERE outbox_id = @id AND LOWER(address) = LOWER(@address) AND status = '{RecipientStates.Sending}'", new { id, address = r.Address }, tx);
            var first = row.FirstDeferredAt is { } f ? DateTimeOffset.Parse(f, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind) : now;
            var expired = now - first >= lifetime;
            c.Execute($"""
                UPDATE outbox_recipients SET status = @status, attempts = attempts + 1, last_reply = @reply, first_deferred_at = @first, next_attempt_at = @next
                WHERE outbox_id = @id AND LOWER(address) = LOWER(@address) AND status = '{RecipientStates.Sending}'
                """, new { id, address = r.Address, reply = r.Reply, status = expired ? RecipientStates.Expired : RecipientStates.Deferred, first = first.Stored(), next = (now + Backoff(row.Attempts)).Stored() }, tx);
        }
        // Anything the relay said nothing of goes back to pending.
        c.Execute($"UPDATE outbox_recipients SET status = '{RecipientStates.Pending}' WHERE outbox_id = @id AND status = '{RecipientStates.Sending}'", new { id }, tx);
        if (transacted) c.Execute("UPDATE outbox SET transactions = @transactionNo WHERE id = @id AND transactions < @transactionNo", new { id, transactionNo }, tx);
        // attempts counts the message's failed tries (what MaxAttempts and the "stuck" alert judge): a transaction every
        // recipient of which was refused is one; a deferred recipient's waits are its own, told of by the recipient alert.
        c.Execute("UPDATE outbox SET attempts = attempts + CASE WHEN @refusedOnly THEN 1 ELSE 0 END, delivered_to = CASE WHEN @anyAccepted THEN @where ELSE delivered_to END, delivered_at = CASE WHEN @anyAccepted THEN @stored ELSE delivered_at END WHERE id = @id",
            new { id, where, stored, anyAccepted = results.Accepted.Count > 0, refusedOnly = results.Accepted.Count == 0 && results.Deferred.Count == 0 }, tx);
        return Settle(c, tx, id, stored);
    });

    /// <summary>A deferred recipient's wait before its next try: 5, 10, 20, 40 minutes, then an hour.</summary>
    internal static TimeSpan Backoff(long attemptsBefore) => TimeSpan.FromMinutes(Math.Min(60, 5 * Math.Pow(2, Math.Min(attemptsBefore, 10))));

    /// <summary>The message's own state from its recipients': pending while any waits, else sent if anyone got it, else failed.</summary>
    private static OutboxState Settle(IDbConnection c, IDbTransaction tx, long id, string now)
    {
        var counts = c.Query<(string Status, long Count, string? Next)>(
            "SELECT status, COUNT(*), MIN(next_attempt_at) FROM outbox_recipients WHERE outbox_id = @id GROUP BY status", new { id }, tx).ToDictionary(r => r.Status);
        long Count(string s) => counts.TryGetValue(s, out var r) ? r.Count : 0;
        var refused = string.Join("\n", c.Query<string>($"SELECT address || ': ' || COALESCE(last_reply, '') FROM outbox_recipients WHERE outbox_id = @id AND status IN ('{RecipientStates.Refused}', '{RecipientStates.Expired}', '{RecipientStates.Bounced}') ORDER BY id", new { id }, tx));
        var waiting = c.Query<string>($"SELECT address || ': ' || COALESCE(last_reply, '') FROM outbox_recipients WHERE outbox_id = @id AND status = '{RecipientStates.Deferred}' ORDER BY id", new { id }, tx).ToArray();
        string status;
        string? next = null;
        if (Count(RecipientStates.Pending) > 0) status = OutboxStates.Pending;
        else if (Count(RecipientStates.Deferred) > 0) { status = OutboxStates.Pending; next = counts[RecipientStates.Deferred].Next; }
        else status = Count(RecipientStates.Sent) > 0 || counts.Count == 0 ? OutboxStates.Sent : OutboxStates.Failed;
        c.Execute("""
            UPDATE outbox SET status = @status, next_attempt_at = @next, claimed_by = NULL, sending_since = NULL,
                              refused_recipients = @refusedText, last_error = @lastError
            WHERE id = @id
            """, new
            {
                id, status, next, refusedText = refused.Length == 0 ? null : refused,
                lastError = waiting.Length > 0 ? $"对方暂拒 {waiting.Length} 个收件人：{string.Join("; ", waiting)}" : status == OutboxStates.Failed ? refused : null,
            }, tx);
        return OutboxStates.FromStored(status);
    }

    /// <summary>Marks the recipient a bounce is about as bounced (and, if the message had counted as delivered to it only, keeps the message's own state).</summary>
    public BounceOutcome Record(IDbConnection connection, IDbTransaction transaction, Bounce bounce)
    {
        var outboxId = connection.ExecuteScalar<long?>("SELECT id FROM outbox WHERE message_id = @id", new { id = bounce.MessageId.Trim().Trim('<', '>') }, transaction);
        if (outboxId is null) return BounceOutcome.UnknownMessage;
        var row = connection.QueryFirstOrDefault<IdAndStatus>("SELECT id AS Id, status AS Status FROM outbox_recipients WHERE outbox_id = @outboxId AND LOWER(address) = LOWER(@address)",
            new { outboxId, address = bounce.Recipient }, transaction);
        if (row is null) return BounceOutcome.UnknownRecipient;
        if (row.Status == RecipientStates.Bounced) return BounceOutcome.AlreadyRecorded;
        connection.Execute($"UPDATE outbox_recipients SET status = '{RecipientStates.Bounced}', last_reply = @reply, final_alerted_at = NULL WHERE id = @rid",
            new { rid = row.Id, reply = $"{bounce.Status} {bounce.Diagnostic}".Trim() }, transaction);
        return BounceOutcome.Recorded;
    }

    private sealed record IdAndStatus(long Id, string Status);

    /// <summary>Counts per recipient state across the outbox: what `outbox` shows, accepted and bounced apart.</summary>
    public IReadOnlyList<(RecipientState State, long Count)> RecipientCounts()
    {
        using var c = database.Open();
        return c.Query<(string Status, long Count)>("SELECT status, COUNT(*) FROM outbox_recipients GROUP BY status ORDER BY status")
            .Select(r => (RecipientStates.FromStored(r.Status), r.Count)).ToArray();
    }

    /// <summary>Recipients the office must hear of: waiting longer than <paramref name="waitedLongerThan"/>, or refused, bounced or given up; each once.</summary>
    internal IReadOnlyList<RecipientAlert> RecipientsToAlert(IDbConnection c, IDbTransaction tx, TimeSpan waitedLongerThan)
    {
        var since = (clock.GetUtcNow() - waitedLongerThan).Stored();
        return c.Query<RecipientAlertRow>($"""
            SELECT r.id AS Id, r.outbox_id AS OutboxId, r.address AS Address, r.unit_code AS UnitCode, u.short_name AS UnitName, r.status AS Status,
                   r.last_reply AS LastReply, r.first_deferred_at AS FirstDeferredAt, o.kind AS Kind, o.subject AS Subject
            FROM outbox_recipients r JOIN outbox o ON o.id = r.outbox_id LEFT JOIN units u ON u.code = r.unit_code
            WHERE o.kind <> '{MessageKinds.Alert}'
              AND ((r.status = '{RecipientStates.Deferred}' AND r.wait_alerted_at IS NULL AND r.first_deferred_at <= @since)
                OR (r.status IN ('{RecipientStates.Refused}', '{RecipientStates.Bounced}', '{RecipientStates.Expired}') AND r.final_alerted_at IS NULL))
            ORDER BY r.id
            """, new { since }, tx).Select(r => r.ToAlert()).ToArray();
    }

    /// <summary>Every recipient mail has not reached and will not reach by itself (refused, bounced, given up) or is waiting for (deferred), newest first.</summary>
    public IReadOnlyList<RecipientAlert> Unreached(int limit = 200)
    {
        using var c = database.Open();
        return c.Query<RecipientAlertRow>($"""
            SELECT r.id AS Id, r.outbox_id AS OutboxId, r.address AS Address, r.unit_code AS UnitCode, u.short_name AS UnitName, r.status AS Status,
                   r.last_reply AS LastReply, r.first_deferred_at AS FirstDeferredAt, o.kind AS Kind, o.subject AS Subject
            FROM outbox_recipients r JOIN outbox o ON o.id = r.outbox_id LEFT JOIN units u ON u.code = r.unit_code
            WHERE r.status IN ('{RecipientStates.Deferred}', '{RecipientStates.Refused}', '{RecipientStates.Bounced}', '{RecipientStates.Expired}')
            ORDER BY r.id DESC LIMIT @limit
            """, new { limit }).Select(r => r.ToAlert()).ToArray();
    }

    private sealed record RecipientAlertRow(long Id, long OutboxId, string Address, string? UnitCode, string? UnitName, string Status, string? LastReply, string? FirstDeferredAt, string Kind, string Subject)
    {
        public RecipientAlert ToAlert() => new(Id, OutboxId, Address, UnitCode, UnitName, RecipientStates.FromStored(Status), LastReply, FirstDeferredAt, Kind, Subject);
    }

    internal void MarkRecipientsAlerted(IDbConnection c, IDbTransaction tx, IEnumerable<RecipientAlert> recipients)
    {
        var now = clock.GetUtcNow().Stored();
        foreach (var r in recipients)
            c.Execute(r.Status == RecipientState.Deferred
                ? "UPDATE outbox_recipients SET wait_alerted_at = @now WHERE id = @Id"
                : "UPDATE outbox_recipients SET final_alerted_at = @now WHERE id = @Id", new { now, r.Id }, tx);
    }

    /// <summary>
    /// After a unit's liaisons changed: every recipient of that unit not yet reached (pending, deferred, refused,
    /// bounced, expired) is replaced by the unit's current addresses, which start pending, and the message is due
    /// again. The replaced rows stay, with the addresses that took their place: the history. Returns how many were replaced.
    /// </summary>
    public int FollowLiaisons(IDbConnection c, IDbTransaction tx, string unitCode)
    {
        var current = c.Query<string>("SELECT email FROM unit_liaisons WHERE unit_code = @unitCode ORDER BY position", new { unitCode }, tx).ToArray();
        var stale = c.Query<(long Id, long OutboxId, string Address)>($"""
            SELECT r.id, r.outbox_id, r.address FROM outbox_recipients r JOIN outbox o ON o.id = r.outbox_id
            WHERE r.unit_code = @unitCode AND o.status <> '{OutboxStates.Sending}'
              AND r.status IN ('{RecipientStates.Pending}', '{RecipientStates.Deferred}', '{RecipientStates.Refused}', '{RecipientStates.Bounced}', '{RecipientStates.Expired}')
            """, new { unitCode }, tx).Where(r => !current.Contains(r.Address, StringComparer.OrdinalIgnoreCase)).ToArray();
        var now = clock.GetUtcNow().Stored();
        foreach (var group in stale.GroupBy(r => r.OutboxId))
        {
            foreach (var r in group)
                c.Execute($"UPDATE outbox_recipients SET status = '{RecipientStates.Replaced}', replaced_by = @by WHERE id = @Id", new { r.Id, by = string.Join(", ", current) }, tx);
            AddRecipients(c, tx, group.Key, current);
            // An address of the new list that had been given up on this message before starts again.
            c.Execute($"""
                UPDATE outbox_recipients SET status = '{RecipientStates.Pending}', next_attempt_at = NULL, first_deferred_at = NULL, final_alerted_at = NULL, wait_alerted_at = NULL
                WHERE outbox_id = @outboxId AND unit_code = @unitCode AND status IN ('{RecipientStates.Deferred}', '{RecipientStates.Refused}', '{RecipientStates.Bounced}', '{RecipientStates.Expired}')
                """, new { outboxId = group.Key, unitCode }, tx);
            Settle(c, tx, group.Key, now);
        }
        return stale.Length;
    }
}
