using Dapper;
using ReportWorker.Ledger;
using ReportWorker.Storage;

namespace ReportWorker.Scheduling;

public sealed record JobRun(long Id, string Job, string Period, string? Occurrence, string StartedBy, string Status, string StartedAt, string? FinishedAt, string? Summary);

/// <summary>The record of scheduled runs, kept in the ledger so a catch-up knows what was already done.</summary>
public sealed class JobRunStore(LedgerDatabase database, TimeProvider clock)
{
    public long Start(string job, JobPeriod period, DateTimeOffset? occurrence, string startedBy)
    {
        using var c = database.Open();
        return c.ExecuteScalar<long>("""
            INSERT INTO job_runs(job, period, occurrence, started_by, status, started_at)
            VALUES (@job, @period, @occurrence, @startedBy, 'running', @now) RETURNING id
            """, new { job, period = period.Value, occurrence = occurrence?.Stored(), startedBy, now = clock.GetUtcNow().Stored() });
    }

    public void Finish(long id, bool done, string summary)
    {
        using var c = database.Open();
        c.Execute("UPDATE job_runs SET status = @status, finished_at = @now, summary = @summary WHERE id = @id",
            new { id, status = done ? "done" : "failed", now = clock.GetUtcNow().Stored(), summary });
    }

    public bool IsDone(string job, JobPeriod period)
    {
        using var c = database.Open();
        return c.ExecuteScalar<long>("SELECT COUNT(*) FROM job_runs WHERE job = @job AND period = @period AND status = 'done'",
            new { job, period = period.Value }) > 0;
    }

    /// <summary>The latest occurrence the schedule completed, so a catch-up can start after it.</summary>
    public DateTimeOffset? LastDoneOccurrence(string job)
    {
        using var c = database.Open();
        var text = c.ExecuteScalar<string?>("SELECT MAX(occurrence) FROM job_runs WHERE job = @job AND status = 'done' AND occurrence IS NOT NULL", new { job });
        return text is null ? null : DateTimeOffset.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
    }

    public JobRun? Last(string job)
    {
        using var c = database.Open();
        return c.QueryFirstOrDefault<JobRun>("""
            SELECT id AS Id, job AS Job, period AS Period, occurrence AS Occurrence, started_by AS StartedBy, status AS Status,
                   started_at AS StartedAt, finished_at AS FinishedAt, summary AS Summary
            FROM job_runs WHERE job = @job ORDER BY id DESC LIMIT 1
            """, new { job });
    }

    public IReadOnlyList<JobRun> All(string? job = null)
    {
        using var c = database.Open();
        return c.Query<JobRun>("""
            SELECT id AS Id, job AS Job, period AS Period, occurrence AS Occurrence, started_by AS StartedBy, status AS Status,
                   started_at AS StartedAt, finished_at AS FinishedAt, summary AS Summary
            FROM job_runs WHERE @job IS NULL OR job = @job ORDER BY id
            """, new { job }).ToArray();
    }
}
