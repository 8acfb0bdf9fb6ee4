using Dapper;
using Microsoft.Data.Sqlite;

namespace ReportWorker.Benchmarks.Soak;

/// <summary>What the worker recorded, read from its SQLite ledger read-only while it runs and after it stops.</summary>
internal sealed class SoakLedger(string database)
{
    public sealed record Run(string Job, string Period, string Status, string? Occurrence, string StartedAt, string? Summary)
    {
        /// <summary>How long after its cron occurrence the run started, in simulated time: a worker that falls behind the fast clock shows here.</summary>
        public TimeSpan? Delay => Occurrence is null ? null : Parse(StartedAt) - Parse(Occurrence);
        public DateTimeOffset Started => Parse(StartedAt);
        private static DateTimeOffset Parse(string text) => DateTimeOffset.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
    }

    public bool Done(string job, string period)
    {
        try
        {
            using var c = Open();
            return c.ExecuteScalar<long>("SELECT COUNT(*) FROM job_runs WHERE job = @job AND period = @period AND status = 'done'", new { job, period }) > 0;
        }
        catch (SqliteException) { return false; } // not created yet, or busy: asked again in a second
    }

    /// <summary>Every run of the jobs that have a period (forms, reminders, the two notices), in order.</summary>
    public IReadOnlyList<Run> Runs()
    {
        using var c = Open();
        return c.Query<Run>("""
            SELECT job AS Job, period AS Period, status AS Status, occurrence AS Occurrence, started_at AS StartedAt, summary AS Summary
            FROM job_runs WHERE job IN @jobs ORDER BY id
            """, new { jobs = new[] { "forms", "reminders", "monthly-notice", "quarterly-notice" } }).ToArray();
    }

    public IReadOnlyList<(string What, long Count)> Counts()
    {
        using var c = Open();
        var files = c.Query<(string, long)>("SELECT 'files ' || outcome, COUNT(*) FROM received_files GROUP BY outcome ORDER BY outcome");
        var late = c.Query<(string, long)>("SELECT 'submissions late', COUNT(*) FROM submissions WHERE late = 1");
        var mail = c.Query<(string, long)>("SELECT 'mail ' || kind || ' ' || status, COUNT(*) FROM outbox GROUP BY kind, status ORDER BY kind, status");
        return [.. files, .. late, .. mail];
    }

    private SqliteConnection Open()
    {
        var c = new SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=False;Default Timeout=5");
        c.Open();
        return c;
    }
}
