using ReportWorker.Storage;
using System.Data;
using Dapper;
using ReportWorker.Ledger;

namespace ReportWorker.Intake;

public sealed record ReceivedFile(long Id, string Sha256, string Source, string SourceRef, string OriginalName, string ArchivePath, string ReceivedAt, string Outcome, string? Reason, string? UnitCode, string? Month, long Finished)
{
    public bool IsFinished => Finished != 0;
}

/// <summary>The register of every file the intake has seen.</summary>
public sealed class ReceivedFileStore(LedgerDatabase database)
{
    private const string Columns = """
        id AS Id, sha256 AS Sha256, source AS Source, source_ref AS SourceRef, original_name AS OriginalName, archive_path AS ArchivePath,
        received_at AS ReceivedAt, outcome AS Outcome, reason AS Reason, unit_code AS UnitCode, month AS Month, finished AS Finished
        """;

    /// <summary>A file of this arrival that was recorded but not yet moved out of the inbox (a crash came between).</summary>
    public ReceivedFile? FindUnfinished(string source, string sourceRef, string sha256)
    {
        using var c = database.Open();
        return c.QueryFirstOrDefault<ReceivedFile>($"SELECT {Columns} FROM received_files WHERE source = @source AND source_ref = @sourceRef AND sha256 = @sha256 AND finished = 0 ORDER BY id LIMIT 1",
            new { source, sourceRef, sha256 });
    }

    /// <summary>The first time these exact bytes arrived, if they did.</summary>
    public ReceivedFile? FindFirstBySha(string sha256)
    {
        using var c = database.Open();
        return c.QueryFirstOrDefault<ReceivedFile>($"SELECT {Columns} FROM received_files WHERE sha256 = @sha256 ORDER BY id LIMIT 1", new { sha256 });
    }

    public IReadOnlyList<ReceivedFile> Unfinished(string source)
    {
        using var c = database.Open();
        return c.Query<ReceivedFile>($"SELECT {Columns} FROM received_files WHERE source = @source AND finished = 0 ORDER BY id", new { source }).ToArray();
    }

    public IReadOnlyList<ReceivedFile> All()
    {
        using var c = database.Open();
        return c.Query<ReceivedFile>($"SELECT {Columns} FROM received_files ORDER BY id").ToArray();
    }

    public void MarkFinished(long id)
    {
        using var c = database.Open();
        c.Execute("UPDATE received_files SET finished = 1 WHERE id = @id", new { id });
    }

    internal static long Insert(IDbConnection c, IDbTransaction tx, IncomingFile file, string sha256, long size, string archivePath,
        DateTimeOffset receivedAt, string outcome, string? reason, string? unitCode, string? month) =>
        c.ExecuteScalar<long>("""
            INSERT INTO received_files(sha256, source, source_ref, original_name, size_bytes, archive_path, sender, received_at, outcome, reason, unit_code, month)
            VALUES (@sha256, @Source, @SourceRef, @OriginalName, @size, @archivePath, @Sender, @at, @outcome, @reason, @unitCode, @month)
            RETURNING id
            """, new { sha256, file.Source, file.SourceRef, file.OriginalName, size, archivePath, file.Sender, at = receivedAt.Stored(), outcome, reason, unitCode, month }, tx);
}
