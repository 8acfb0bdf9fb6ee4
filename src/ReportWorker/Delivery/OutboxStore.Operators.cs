using Dapper;
using ReportWorker.Storage;

namespace ReportWorker.Delivery;

/// <summary>One outbox message as the operators see it: the `outbox` command's lists, the alert e-mail.</summary>
public sealed record OutboxEntry(long Id, string Kind, string? UnitCode, string Recipients, string Subject, OutboxState Status, long Attempts,
    string? NextAttemptAt, string? LastError, string? RefusedRecipients, string? DeliveredAt);

// What the operators see of the outbox and do to it: the lists of the `outbox` command, its retry, and the alerts.
public sealed partial class OutboxStore
{
    private const string EntryColumns = """
        id AS Id, kind AS Kind, unit_code AS UnitCode, recipients AS Recipients, subject AS Subject, status AS Status, attempts AS Attempts,
        next_attempt_at AS NextAttemptAt, last_error AS LastError, refused_recipients AS RefusedRecipients, delivered_at AS DeliveredAt
        FROM outbox
        """;

    // The row as stored; its status is read through OutboxStates, the one mapping.
    private sealed record EntryRow(long Id, string Kind, string? UnitCode, string Recipients, string Subject, string Status, long Attempts,
        string? NextAttemptAt, string? LastError, string? RefusedRecipients, string? DeliveredAt)
    {
        public OutboxEntry ToEntry() =>
            new(Id, Kind, UnitCode, Recipients, Subject, OutboxStates.FromStored(Status), Attempts, NextAttemptAt, LastError, RefusedRecipients, DeliveredAt);
    }

    /// <summary>How many messages are in each state (states with none are not listed).</summary>
    public IReadOnlyList<(OutboxState State, long Count)> Counts()
    {
        using var c = database.Open();
        return c.Query<(string Status, long Count)>("SELECT status, COUNT(*) FROM outbox GROUP BY status ORDER BY status")
            .Select(r => (OutboxStates.FromStored(r.Status), r.Count)).ToArray();
    }

    /// <summary>Messages waiting for a later attempt (pending, not due yet), and the earliest of those attempts.</summary>
    public (long Count, string? Earliest) Waiting()
    {
        using var c = database.Open();
        return c.QuerySingle<(long, string?)>($"SELECT COUNT(*), MIN(next_attempt_at) FROM outbox WHERE status = '{OutboxStates.Pending}' AND next_attempt_at > @now",
            new { now = clock.GetUtcNow().Stored() });
    }

    /// <summary>The messages `outbox retry --all-failed` or `--unit U` puts back: failed ones, or a unit's not yet sent (or sent but not reaching someone).</summary>
    public IReadOnlyList<long> RetryCandidates(string? unitCode)
    {
        using var c = database.Open();
        return unitCode is null
            ? c.Query<long>($"SELECT id FROM outbox WHERE status = '{OutboxStates.Failed}' AND kind <> '{MessageKinds.Alert}' ORDER BY id").ToArray()
            : c.Query<long>($"""
                SELECT DISTINCT o.id FROM outbox o LEFT JOIN outbox_recipients r ON r.outbox_id = o.id
                WHERE (o.unit_code = @unitCode OR r.unit_code = @unitCode)
                  AND (o.status IN ('{OutboxStates.Pending}', '{OutboxStates.Failed}') OR r.unit_code = @unitCode AND r.status IN ({UnreachedStates}))
                ORDER BY o.id
                """, new { unitCode }).ToArray();
    }

    /// <summary>Everything not yet sent: pending, being sent, failed.</summary>
    public IReadOnlyList<OutboxEntry> Unfinished() =>
        Entries($"SELECT {EntryColumns} WHERE status IN ('{OutboxStates.Pending}', '{OutboxStates.Sending}', '{OutboxStates.Failed}') ORDER BY id");


    public OutboxEntry? Find(long id)
    {
        using var c = database.Open();
        return c.QuerySingleOrDefault<EntryRow>($"SELECT {EntryColumns} WHERE id = @id", new { id })?.ToEntry();
    }

    private IReadOnlyList<OutboxEntry> Entries(string sql)
    {
        using var c = database.Open();
        return c.Query<EntryRow>(sql).Select(r => r.ToEntry()).ToArray();
    }

    /// <summary>
    /// Puts a pending or failed message back to pending, due now, with a fresh count of attempts and no alert
    /// recorded, so that it gets the full series of retries again and a new alert if it sticks again. A message
    /// being sent, or sent, is left alone. Returns the state the message was found in; null if there is none.
    /// </summary>
    public OutboxState? Requeue(long id) => database.InTransaction((c, tx) =>
    {
        OutboxState? found = c.QuerySingleOrDefault<string>("SELECT status FROM outbox WHERE id = @id", new { id }, tx) is { } stored ? OutboxStates.FromStored(stored) : null;
        if (found is OutboxState.Pending or OutboxState.Failed || found is OutboxState.Sent && HasUnreached(c, tx, id))
        {
            c.Execute($"UPDATE outbox SET status = '{OutboxStates.Pending}', attempts = 0, next_attempt_at = NULL, alerted_at = NULL WHERE id = @id", new { id }, tx);
            // Its recipients not reached start again, each unit's at the unit's liaisons as they are now.
            foreach (var unit in c.Query<string>($"SELECT DISTINCT unit_code FROM outbox_recipients WHERE outbox_id = @id AND unit_code IS NOT NULL AND status IN ({UnreachedStates})", new { id }, tx).ToArray())
                FollowLiaisons(c, tx, unit);
            c.Execute($"""
                UPDATE outbox_recipients SET status = '{RecipientStates.Pending}', attempts = 0, next_attempt_at = NULL, first_deferred_at = NULL, wait_alerted_at = NULL, final_alerted_at = NULL
                WHERE outbox_id = @id AND status IN ({UnreachedStates})
                """, new { id }, tx);
            Settle(c, tx, id, clock.GetUtcNow().Stored());
            return found == OutboxState.Sent ? OutboxState.Pending : found;
        }
        return found;
    });

    private const string UnreachedStates = $"'{RecipientStates.Pending}', '{RecipientStates.Deferred}', '{RecipientStates.Refused}', '{RecipientStates.Bounced}', '{RecipientStates.Expired}'";

    private static bool HasUnreached(System.Data.IDbConnection c, System.Data.IDbTransaction tx, long id) =>
        c.ExecuteScalar<long>($"SELECT COUNT(*) FROM outbox_recipients WHERE outbox_id = @id AND status IN ({UnreachedStates})", new { id }, tx) > 0;

    /// <summary>
    /// Finds every message not named in an alert before that is stuck (pending or sending after
    /// <paramref name="afterAttempts"/> failed transactions) or failed, and every recipient the office has not been told
    /// of that has waited longer than <paramref name="recipientWait"/> or was refused, bounced or given up; queues the
    /// alert <paramref name="compose"/> makes of them (given its key) and marks them alerted. Returns how many it names (0: nothing queued).
    /// </summary>
    public (IReadOnlyList<OutboxEntry> Messages, IReadOnlyList<RecipientAlert> Recipients) QueueAlert(int afterAttempts, TimeSpan recipientWait,
        Func<string, IReadOnlyList<OutboxEntry>, IReadOnlyList<RecipientAlert>, OutgoingMessage> compose) =>
        database.InTransaction<(IReadOnlyList<OutboxEntry>, IReadOnlyList<RecipientAlert>)>((c, tx) =>
        {
            // In one write transaction, so two workers cannot both alert about the same messages.
            var problems = c.Query<EntryRow>($"""
                SELECT {EntryColumns}
                WHERE kind <> @alert AND alerted_at IS NULL
                  AND ((status IN ('{OutboxStates.Pending}', '{OutboxStates.Sending}') AND attempts >= @after) OR status = '{OutboxStates.Failed}')
                ORDER BY id
                """, new { alert = MessageKinds.Alert, after = afterAttempts }, tx).Select(r => r.ToEntry()).ToArray();
            var recipients = RecipientsToAlert(c, tx, recipientWait);
            if (problems.Length == 0 && recipients.Count == 0) return ([], []);
            // Each alert adds a row, so the next free id keys each alert apart even when the same messages are alerted again after a retry.
            var key = $"alert/{c.ExecuteScalar<long>("SELECT COALESCE(MAX(id), 0) + 1 FROM outbox", transaction: tx)}";
            Enqueue(c, tx, compose(key, problems, recipients));
            var now = clock.GetUtcNow().Stored();
            c.Execute("UPDATE outbox SET alerted_at = @now WHERE id = @Id", problems.Select(p => new { now, p.Id }), tx);
            MarkRecipientsAlerted(c, tx, recipients);
            return (problems, recipients);
        });
}
