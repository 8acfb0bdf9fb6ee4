using ReportWorker.Storage;
using System.Data;
using System.Text.Json;
using Dapper;
using ReportWorker.Periods;

namespace ReportWorker.Ledger;

/// <summary>Monthly reports in the ledger. Every version is kept; the newest per unit and month is in force.</summary>
public sealed class SubmissionStore(LedgerDatabase database)
{
    /// <summary>Records a report and marks the one it replaces; runs inside the caller's transaction.</summary>
    internal static long Insert(IDbConnection c, IDbTransaction tx, long receivedFileId, string unitCode, ReportMonth month,
        DateTimeOffset receivedAt, bool late, IReadOnlyList<string> warnings, IReadOnlyList<ReportEntry> entries)
    {
        var id = c.ExecuteScalar<long>("""
            INSERT INTO submissions(received_file_id, unit_code, month, received_at, late, warnings)
            VALUES (@receivedFileId, @unitCode, @month, @at, @late, @warnings) RETURNING id
            """, new { receivedFileId, unitCode, month = month.ToString(), at = receivedAt.Stored(), late = late ? 1 : 0, warnings = JsonSerializer.Serialize(warnings) }, tx);
        c.Execute("UPDATE submissions SET superseded_by = @id WHERE unit_code = @unitCode AND month = @month AND id <> @id AND superseded_by IS NULL",
            new { id, unitCode, month = month.ToString() }, tx);
        foreach (var e in entries)
            c.Execute("""
                INSERT INTO entries(submission_id, task_id, task_code, status, percent, progress, problems, next_steps)
                VALUES (@id, @TaskId, @TaskCode, @Status, @Percent, @Progress, @Problems, @NextSteps)
                """, new { id, e.TaskId, e.TaskCode, e.Status, e.Percent, e.Progress, e.Problems, e.NextSteps }, tx);
        c.Execute("""
            INSERT INTO ledger_years(year, changes) VALUES (@year, 1)
            ON CONFLICT(year) DO UPDATE SET changes = ledger_years.changes + 1
            """, new { year = month.Year }, tx);
        return id;
    }

    /// <summary>The reports in force for a month (one per unit that reported), now or as of a moment.</summary>
    public IReadOnlyList<Submission> InForce(ReportMonth month, DateTimeOffset? asOf = null)
    {
        using var c = database.Open();
        return c.Query<SubmissionRow>("""
                SELECT id, received_file_id, unit_code, month, received_at, late, superseded_by FROM submissions
                WHERE id IN (SELECT max(id) FROM submissions WHERE month = @m AND received_at <= @asOf GROUP BY unit_code)
                ORDER BY unit_code
                """, new { m = month.ToString(), asOf = (asOf ?? DateTimeOffset.MaxValue).Stored() })
            .Select(r => r.ToSubmission()).ToArray();
    }

    /// <summary>Every version for a unit and month, oldest first.</summary>
    public IReadOnlyList<Submission> History(string unitCode, ReportMonth month)
    {
        using var c = database.Open();
        return c.Query<SubmissionRow>(
                "SELECT id, received_file_id, unit_code, month, received_at, late, superseded_by FROM submissions WHERE unit_code = @unitCode AND month = @m ORDER BY id",
                new { unitCode, m = month.ToString() })
            .Select(r => r.ToSubmission()).ToArray();
    }

    public IReadOnlyList<ReportEntry> Entries(long submissionId)
    {
        using var c = database.Open();
        return c.Query<ReportEntry>(
            "SELECT task_id AS TaskId, task_code AS TaskCode, status AS Status, percent AS Percent, progress AS Progress, problems AS Problems, next_steps AS NextSteps FROM entries WHERE submission_id = @submissionId",
            new { submissionId }).ToArray();
    }

    /// <summary>
    /// For each task (by id), the unit's most recent answer in force before <paramref name="month"/>:
    /// the starting point of next month's form. A task of another year that reuses a code is another id.
    /// </summary>
    public IReadOnlyDictionary<long, ReportEntry> LatestBefore(string unitCode, ReportMonth month)
    {
        using var c = database.Open();
        var rows = c.Query<ReportEntry>("""
            SELECT e.task_id AS TaskId, e.task_code AS TaskCode, e.status AS Status, e.percent AS Percent,
                   e.progress AS Progress, e.problems AS Problems, e.next_steps AS NextSteps
            FROM submissions s JOIN entries e ON e.submission_id = s.id
            WHERE s.unit_code = @unitCode AND s.month < @m AND s.superseded_by IS NULL
            ORDER BY s.month
            """, new { unitCode, m = month.ToString() });
        var latest = new Dictionary<long, ReportEntry>();
        foreach (var r in rows) latest[r.TaskId] = r;
        return latest;
    }

    /// <summary>
    /// All entries in force from lead and co-units, month by month, from <paramref name="from"/> up to and
    /// including <paramref name="through"/>; with <paramref name="asOf"/>, as the ledger stood at that moment
    /// (later reports and corrections left out), which is what an issued briefing was made from.
    /// </summary>
    public IReadOnlyList<(ReportMonth Month, string UnitCode, ReportEntry Entry)> EntriesThrough(ReportMonth through, DateTimeOffset? asOf = null, ReportMonth? from = null)
    {
        using var c = database.Open();
        return c.Query<(string Month, string UnitCode, long TaskId, string TaskCode, string Status, double Percent, string Progress, string Problems, string NextSteps)>("""
            SELECT s.month, s.unit_code, e.task_id, e.task_code, e.status, e.percent, e.progress, e.problems, e.next_steps
            FROM submissions s JOIN entries e ON e.submission_id = s.id
            WHERE s.id IN (SELECT max(id) FROM submissions WHERE month <= @m AND month >= @from AND received_at <= @asOf GROUP BY unit_code, month)
            ORDER BY s.month, s.unit_code
            """, new { m = through.ToString(), from = from?.ToString() ?? "0000-00", asOf = (asOf ?? DateTimeOffset.MaxValue).Stored() })
            .Select(r => (ReportMonth.Parse(r.Month), r.UnitCode, new ReportEntry(r.TaskId, r.TaskCode, r.Status, r.Percent, r.Progress, r.Problems, r.NextSteps)))
            .ToArray();
    }

    /// <summary>
    /// The tasks of years before <paramref name="year"/> that their lead unit reported 已完成 in a report in
    /// force for a month before that year began (as the ledger stood at <paramref name="asOf"/>): closed
    /// before the year, so not carried into it. The same rule as <see cref="TaskState"/>'s.
    /// </summary>
    public IReadOnlySet<long> ClosedBefore(int year, DateTimeOffset? asOf = null)
    {
        using var c = database.Open();
        return c.Query<long>("""
            SELECT DISTINCT e.task_id FROM submissions s
            JOIN entries e ON e.submission_id = s.id
            JOIN tasks t ON t.id = e.task_id AND t.lead_unit = s.unit_code
            WHERE e.status = @completed AND t.year < @year
              AND s.id IN (SELECT max(id) FROM submissions WHERE month < @start AND received_at <= @asOf GROUP BY unit_code, month)
            """, new { completed = ReportStatus.Completed, year, start = new ReportMonth(year, 1).ToString(), asOf = (asOf ?? DateTimeOffset.MaxValue).Stored() })
            .ToHashSet();
    }

    /// <summary>How many reports were ever recorded for months before <paramref name="year"/>: changes when a late one arrives.</summary>
    public long ChangesBefore(int year)
    {
        using var c = database.Open();
        return c.ExecuteScalar<long>("SELECT COALESCE(SUM(changes), 0) FROM ledger_years WHERE year < @year", new { year });
    }

    private sealed record SubmissionRow(long Id, long Received_File_Id, string Unit_Code, string Month, string Received_At, long Late, long? Superseded_By)
    {
        public Submission ToSubmission() => new(Id, Received_File_Id, Unit_Code, Month, DateTimeOffset.Parse(Received_At, System.Globalization.CultureInfo.InvariantCulture), Late != 0, Superseded_By);
    }
}
