using System.Data;
using Dapper;
using ReportWorker.Ledger;
using ReportWorker.Storage;

namespace ReportWorker.Intake;

/// <summary>One message the mailbox intake took, and how far it got.</summary>
public sealed record MailboxRecord(long Id, string MessageId, string Sha256, string Folder, long UidValidity, long Uid, string? Sender,
    string Subject, string Kind, string ArchivePath, string ReceivedAt, string Status, string? Destination, long Files, long Accepted)
{
    public const string Archived = "archived";
    public const string Processed = "processed";
    public const string Done = "done";
}

/// <summary>The register of messages taken from the mailbox (table mailbox_messages).</summary>
public sealed class MailboxStore(LedgerDatabase database)
{
    private const string Columns = """
        id AS Id, message_id AS MessageId, sha256 AS Sha256, folder AS Folder, uid_validity AS UidValidity, uid AS Uid, sender AS Sender,
        subject AS Subject, kind AS Kind, archive_path AS ArchivePath, received_at AS ReceivedAt, status AS Status, destination AS Destination,
        files AS Files, accepted AS Accepted
        """;

    public MailboxRecord? Find(string messageId, string sha256)
    {
        using var c = database.Open();
        return c.QueryFirstOrDefault<MailboxRecord>($"SELECT {Columns} FROM mailbox_messages WHERE message_id = @messageId AND sha256 = @sha256",
            new { messageId, sha256 });
    }

    public IReadOnlyList<MailboxRecord> All()
    {
        using var c = database.Open();
        return c.Query<MailboxRecord>($"SELECT {Columns} FROM mailbox_messages ORDER BY id").ToArray();
    }

    /// <summary>Messages whose answers are queued but whose move out of <paramref name="folder"/> was not confirmed.</summary>
    public IReadOnlyList<MailboxRecord> AwaitingMove(string folder)
    {
        using var c = database.Open();
        return c.Query<MailboxRecord>($"SELECT {Columns} FROM mailbox_messages WHERE status = 'processed' AND folder = @folder ORDER BY id",
            new { folder }).ToArray();
    }

    public long Insert(string messageId, string sha256, string folder, uint uidValidity, uint uid, string? sender, string subject,
        string kind, string archivePath, DateTimeOffset receivedAt)
    {
        using var c = database.Open();
        return c.ExecuteScalar<long>("""
            INSERT INTO mailbox_messages(message_id, sha256, folder, uid_validity, uid, sender, subject, kind, archive_path, received_at, status)
            VALUES (@messageId, @sha256, @folder, @uidValidity, @uid, @sender, @subject, @kind, @archivePath, @at, 'archived')
            RETURNING id
            """, new { messageId, sha256, folder, uidValidity = (long)uidValidity, uid = (long)uid, sender, subject, kind, archivePath, at = receivedAt.Stored() });
    }

    /// <summary>The same message turned up again (a crash, or delivered twice): remember where it is now.</summary>
    public void Relocate(long id, string folder, uint uidValidity, uint uid)
    {
        using var c = database.Open();
        c.Execute("UPDATE mailbox_messages SET folder = @folder, uid_validity = @uidValidity, uid = @uid WHERE id = @id",
            new { id, folder, uidValidity = (long)uidValidity, uid = (long)uid });
    }

    internal static void MarkProcessed(IDbConnection c, IDbTransaction tx, long id, string kind, string destination, int files, int accepted) =>
        c.Execute("UPDATE mailbox_messages SET status = 'processed', kind = @kind, destination = @destination, files = @files, accepted = @accepted WHERE id = @id",
            new { id, kind, destination, files, accepted }, tx);

    public void MarkDone(long id)
    {
        using var c = database.Open();
        c.Execute("UPDATE mailbox_messages SET status = 'done' WHERE id = @id", new { id });
    }
}
