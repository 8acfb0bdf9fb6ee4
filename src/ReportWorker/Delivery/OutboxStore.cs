using System.Data;
using System.Globalization;
using Dapper;
using ReportWorker.Hosting;
using ReportWorker.Ledger;
using ReportWorker.Storage;

namespace ReportWorker.Delivery;

public sealed record QueuedMessage(long Id, string MessageKey, string MessageId, string Kind, string? UnitCode, string Recipients, string Subject, byte[] Mime, long Attempts,
    string? ClaimedBy = null, string? SendingSince = null)
{
    public DateTimeOffset SendingSinceTime => DateTimeOffset.Parse(SendingSince ?? throw new InvalidOperationException($"Outbox message {Id} is not being sent."), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
}

/// <summary>
/// The durable outbox in the ledger, and the only code that reads or writes the outbox tables. A message is
/// queued in the same transaction as the fact it reports. Each state change is one committed statement, so a
/// crash leaves every row in a state the next run understands. (What the operators see and do: OutboxStore.Operators.cs.)
/// </summary>
public sealed partial class OutboxStore(LedgerDatabase database, MessageBuilder builder, TimeProvider clock)
{
    private const string Columns = """
        o.id AS Id, o.message_key AS MessageKey, o.message_id AS MessageId, o.kind AS Kind, o.unit_code AS UnitCode, o.recipients AS Recipients,
        o.subject AS Subject, m.mime AS Mime, o.attempts AS Attempts, o.claimed_by AS ClaimedBy, o.sending_since AS SendingSince
        FROM outbox o JOIN outbox_mime m ON m.outbox_id = o.id
        """;

    // The same without the message bytes (they live in outbox_mime, migration 0008): a run lists what is due and
    // reads each message (MimeOf) only when it sends it, so 200 large circulars never sit in memory at once.
    private const string ColumnsWithoutMime = """
        o.id AS Id, o.message_key AS MessageKey, o.message_id AS MessageId, o.kind AS Kind, o.unit_code AS UnitCode, o.recipients AS Recipients,
        o.subject AS Subject, @noBytes AS Mime, o.attempts AS Attempts, o.claimed_by AS ClaimedBy, o.sending_since AS SendingSince
        FROM outbox o
        """;

    /// <summary>The stored bytes of one message.</summary>
    public byte[] MimeOf(long id)
    {
        using var c = database.Open();
        return c.ExecuteScalar<byte[]>("SELECT mime FROM outbox_mime WHERE outbox_id = @id", new { id }) ?? [];
    }

    /// <summary>Queues a message unless one with the same key exists. Returns false if it was already queued.</summary>
    public bool Enqueue(IDbConnection c, IDbTransaction tx, OutgoingMessage message) => Enqueue(c, tx, message, null);

    private bool Enqueue(IDbConnection c, IDbTransaction tx, OutgoingMessage message, byte[]? mime)
    {
        var recipients = string.Join(", ", message.To.Concat(message.Cc).Concat(message.Bcc).Select(a => a.Address));
        var id = c.ExecuteScalar<long?>("""
            INSERT INTO outbox(message_key, message_id, kind, unit_code, recipients, subject, created_at)
            VALUES (@Key, @messageId, @Kind, @UnitCode, @recipients, @Subject, @now)
            ON CONFLICT(message_key) DO NOTHING
            RETURNING id
            """, new
        {
            message.Key, messageId = builder.MessageIdFor(message.Key), message.Kind, message.UnitCode, recipients,
            message.Subject, now = clock.GetUtcNow().Stored(),
        }, tx);
        if (id is null) return false;
        c.Execute("INSERT INTO outbox_mime(outbox_id, mime) VALUES (@id, @mime)", new { id, mime = mime ?? builder.Build(message) }, tx);
        AddRecipients(c, tx, id.Value, message.To.Concat(message.Cc).Concat(message.Bcc).Select(a => a.Address));
        return true;
    }

    public bool Enqueue(OutgoingMessage message) => database.InTransaction((c, tx) => Enqueue(c, tx, message));

    /// <summary>
    /// Queues many messages, <paramref name="perTransaction"/> to a commit rather than one each (10,000 督办单
    /// would otherwise wait on 10,000 disk flushes), each batch's MIME built on every core before its
    /// transaction. A crash loses at most the open batch, which queuing again adds; what was committed is
    /// skipped by its key. Returns the keys that were new.
    /// </summary>
    public IReadOnlySet<string> EnqueueAll(IEnumerable<OutgoingMessage> messages, int perTransaction = 100)
    {
        var added = new HashSet<string>(StringComparer.Ordinal);
        foreach (var chunk in messages.Chunk(perTransaction))
        {
            // Generating a briefing again queues nothing: skip building what is there (the insert still guards a race).
            var batch = chunk.Where(m => !IsQueued(m.Key)).ToArray();
            var built = new byte[batch.Length][];
            Cores.For(batch.Length, n => built[n] = builder.Build(batch[n]));
            added.UnionWith(database.InTransaction((c, tx) => batch.Where((m, n) => Enqueue(c, tx, m, built[n])).Select(m => m.Key).ToArray()));
        }
        return added;
    }

    /// <summary>Whether any message whose key starts with <paramref name="keyPrefix"/> was ever queued (sent or not).</summary>
    public bool AnyQueued(string keyPrefix)
    {
        using var c = database.Open();
        return c.ExecuteScalar<long?>("SELECT id FROM outbox WHERE message_key LIKE @pattern LIMIT 1", new { pattern = keyPrefix + "%" }) is not null;
    }

    /// <summary>How many messages whose key starts with <paramref name="keyPrefix"/> were ever queued.</summary>
    public long CountQueued(string keyPrefix)
    {
        using var c = database.Open();
        return c.ExecuteScalar<long>("SELECT COUNT(*) FROM outbox WHERE message_key LIKE @pattern", new { pattern = keyPrefix + "%" });
    }

    private bool IsQueued(string key)
    {
        using var c = database.Open();
        return c.ExecuteScalar<long?>("SELECT id FROM outbox WHERE message_key = @key", new { key }) is not null;
    }

    /// <summary>Pending messages whose next attempt is due.</summary>
    public IReadOnlyList<QueuedMessage> Due(int limit = 200, bool withMime = true)
    {
        using var c = database.Open();
        return c.Query<QueuedMessage>($"""
            SELECT {(withMime ? Columns : ColumnsWithoutMime)}
            WHERE o.status = '{OutboxStates.Pending}' AND (o.next_attempt_at IS NULL OR o.next_attempt_at <= @now)
            ORDER BY o.id LIMIT @limit
            """, new { now = clock.GetUtcNow().Stored(), limit, noBytes = Array.Empty<byte>() }).ToArray();
    }

    /// <summary>Messages some worker marked as being sent and has not finished with.</summary>
    public IReadOnlyList<QueuedMessage> Sending(bool withMime = true)
    {
        using var c = database.Open();
        return c.Query<QueuedMessage>($"SELECT {(withMime ? Columns : ColumnsWithoutMime)} WHERE o.status = '{OutboxStates.Sending}' ORDER BY o.id", new { noBytes = Array.Empty<byte>() }).ToArray();
    }

    /// <summary>Marks a pending message as being sent by <paramref name="claim"/>. False if another worker got there first.</summary>
    public bool TryClaim(long id, string claim)
    {
        using var c = database.Open();
        return c.Execute($"UPDATE outbox SET status = '{OutboxStates.Sending}', sending_since = @now, claimed_by = @claim WHERE id = @id AND status = '{OutboxStates.Pending}'",
            new { id, claim, now = clock.GetUtcNow().Stored() }) == 1;
    }

    /// <summary>An attempt that decided nothing (the journal could not be asked): counted, so the operators hear of it in time.</summary>
    public void CountAttempt(long id, string error)
    {
        using var c = database.Open();
        c.Execute("UPDATE outbox SET attempts = attempts + 1, last_error = @error WHERE id = @id", new { id, error });
    }

    /// <summary>Takes over a message whose sending was cut off. False if another worker took it over first.</summary>
    public bool TryTakeOver(long id, string? previousClaim, string claim)
    {
        using var c = database.Open();
        return c.Execute($"UPDATE outbox SET sending_since = @now, claimed_by = @claim WHERE id = @id AND status = '{OutboxStates.Sending}' AND claimed_by IS NOT DISTINCT FROM @previousClaim",
            new { id, previousClaim, claim, now = clock.GetUtcNow().Stored() }) == 1;
    }

    /// <summary>The whole message went (a cut-off transaction the journal confirmed, or a test setting a state): every recipient still due has it.</summary>
    public void MarkSent(long id, string deliveredTo, IReadOnlyList<RefusedRecipient> refused)
    {
        using var c = database.Open();
        c.Execute($"UPDATE outbox_recipients SET status = '{RecipientStates.Sent}', sent_at = @now WHERE outbox_id = @id AND status IN ('{RecipientStates.Sending}', '{RecipientStates.Pending}')",
            new { id, now = clock.GetUtcNow().Stored() });
        c.Execute($"""
            UPDATE outbox SET status = '{OutboxStates.Sent}', attempts = attempts + 1, delivered_at = @now, delivered_to = @deliveredTo, last_error = NULL,
                              refused_recipients = @refusedText, claimed_by = NULL, sending_since = NULL
            WHERE id = @id
            """, new { id, deliveredTo, refusedText = refused.Count == 0 ? null : string.Join("\n", refused), now = clock.GetUtcNow().Stored() });
    }

    /// <summary>Back to pending until <paramref name="next"/>: from pending, or from sending under this worker's claim (never another's).</summary>
    public void MarkRetry(long id, string claim, string error, DateTimeOffset next)
    {
        using var c = database.Open();
        c.Execute($"UPDATE outbox_recipients SET status = '{RecipientStates.Pending}' WHERE outbox_id = @id AND status = '{RecipientStates.Sending}' AND EXISTS (SELECT 1 FROM outbox o WHERE o.id = @id AND (o.status = '{OutboxStates.Pending}' OR o.claimed_by = @claim))",
            new { id, claim });
        c.Execute($"""
            UPDATE outbox SET status = '{OutboxStates.Pending}', attempts = attempts + 1, last_error = @error, next_attempt_at = @next, claimed_by = NULL, sending_since = NULL
            WHERE id = @id AND (status = '{OutboxStates.Pending}' OR (status = '{OutboxStates.Sending}' AND claimed_by = @claim))
            """, new { id, claim, error, next = next.Stored() });
    }

    /// <summary>The relay refused the message itself, or it was given up: every recipient not reached is refused with that reason.</summary>
    public void MarkFailed(long id, string claim, string error)
    {
        using var c = database.Open();
        c.Execute($"UPDATE outbox_recipients SET status = '{RecipientStates.Refused}', last_reply = @error WHERE outbox_id = @id AND status IN ('{RecipientStates.Sending}', '{RecipientStates.Pending}', '{RecipientStates.Deferred}') AND EXISTS (SELECT 1 FROM outbox o WHERE o.id = @id AND (o.status = '{OutboxStates.Pending}' OR o.claimed_by = @claim))",
            new { id, claim, error });
        c.Execute($"""
            UPDATE outbox SET status = '{OutboxStates.Failed}', attempts = attempts + 1, last_error = @error, claimed_by = NULL, sending_since = NULL
            WHERE id = @id AND (status = '{OutboxStates.Pending}' OR (status = '{OutboxStates.Sending}' AND claimed_by = @claim))
            """, new { id, claim, error });
    }

    /// <summary>The kind of a message the worker sent, by its Message-Id (with or without angle brackets); null if not ours.</summary>
    public string? KindOf(string messageId) => Find(messageId)?.Kind;

    /// <summary>The message this worker queued under a Message-Id (a reply's In-Reply-To), if it is ours.</summary>
    public SentMessageRef? Find(string messageId)
    {
        using var c = database.Open();
        return c.QueryFirstOrDefault<SentMessageRef>(
            "SELECT message_key AS Key, kind AS Kind, unit_code AS UnitCode FROM outbox WHERE message_id = @id", new { id = messageId.Trim().Trim('<', '>') });
    }
}

/// <summary>What the outbox knows of a message it queued: its key, kind and unit.</summary>
public sealed record SentMessageRef(string Key, string Kind, string? UnitCode);
