using ReportWorker.Storage;
using Dapper;
using ReportWorker.Ledger;

namespace ReportWorker.Briefings;

public sealed record BriefingRecord(long Id, string Kind, string Period, long Version, long IssueNo, string CreatedAt, string? FilePath, string? Sha256);

/// <summary>The register of briefings issued.</summary>
public sealed class BriefingStore(LedgerDatabase database)
{
    private const string Columns = "id AS Id, kind AS Kind, period AS Period, version AS Version, issue_no AS IssueNo, created_at AS CreatedAt, file_path AS FilePath, sha256 AS Sha256";

    /// <summary>
    /// The latest version of this briefing, creating version 1 (or the next version when reissuing)
    /// with the next issue number of the period's year.
    /// </summary>
    public BriefingRecord Issue(string kind, string period, int year, DateTimeOffset now, bool reissue) =>
        database.InTransaction((c, tx) =>
        {
            var latest = c.QueryFirstOrDefault<BriefingRecord>($"SELECT {Columns} FROM briefings WHERE kind = @kind AND period = @period ORDER BY version DESC LIMIT 1", new { kind, period }, tx);
            if (latest is not null && !reissue) return latest;
            var issue = latest?.IssueNo ?? c.ExecuteScalar<long>(
                "SELECT COUNT(DISTINCT period) FROM briefings WHERE kind = @kind AND substr(period, 1, 4) = @year", new { kind, year = year.ToString("D4") }, tx) + 1;
            var id = c.ExecuteScalar<long>("""
                INSERT INTO briefings(kind, period, version, issue_no, created_at) VALUES (@kind, @period, @version, @issue, @now) RETURNING id
                """, new { kind, period, version = (latest?.Version ?? 0) + 1, issue, now = now.Stored() }, tx);
            return c.QuerySingle<BriefingRecord>($"SELECT {Columns} FROM briefings WHERE id = @id", new { id }, tx);
        });

    /// <summary>The latest version of a briefing, if it was ever issued.</summary>
    public BriefingRecord? Latest(string kind, string period)
    {
        using var c = database.Open();
        return c.QueryFirstOrDefault<BriefingRecord>($"SELECT {Columns} FROM briefings WHERE kind = @kind AND period = @period ORDER BY version DESC LIMIT 1", new { kind, period });
    }

    public void Written(long id, string path, string sha256)
    {
        using var c = database.Open();
        c.Execute("UPDATE briefings SET file_path = @path, sha256 = @sha256 WHERE id = @id", new { id, path, sha256 });
    }
}
