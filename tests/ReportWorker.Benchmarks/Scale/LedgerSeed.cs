using System.Data.Common;
using ReportWorker.Ledger;
using ReportWorker.Storage;
using ReportWorker.Periods;

namespace ReportWorker.Benchmarks.Scale;

/// <summary>
/// Writes the months before the measured one straight into the ledger, as if every unit's form had
/// been taken in on time: one received file, one submission and its entries per unit and month.
/// Setup, not a stage: feeding 2 × factor × 100 more forms through the intake would only repeat stage 3.
/// Written against the ledger schema (0001_initial.sql), on SQLite or PostgreSQL; when the ledger moves, this moves with it.
/// </summary>
internal static class LedgerSeed
{
    public static int Write(LedgerDatabase database, ScaleProvince province, IReadOnlyList<ReportMonth> months)
    {
        using var c = database.Open();
        using var tx = c.BeginTransaction();
        using var file = Command(c, tx, """
            INSERT INTO received_files(sha256, source, source_ref, original_name, size_bytes, archive_path, received_at, outcome, unit_code, month, finished)
            VALUES (@sha, 'folder', @name, @name, 0, @name, @at, 'accepted', @unit, @month, 1) RETURNING id
            """, "@sha", "@name", "@at", "@unit", "@month");
        using var submission = Command(c, tx, """
            INSERT INTO submissions(received_file_id, unit_code, month, received_at, late) VALUES (@file, @unit, @month, @at, 0) RETURNING id
            """, "@file", "@unit", "@month", "@at");
        using var entry = Command(c, tx, """
            INSERT INTO entries(submission_id, task_code, status, percent, progress, problems, next_steps)
            VALUES (@s, @task, @status, @percent, @progress, @problems, @next)
            """, "@s", "@task", "@status", "@percent", "@progress", "@problems", "@next");
        var rows = 0;
        foreach (var month in months)
        {
            var at = new DateTimeOffset(month.Next.Year, month.Next.Month, 3, 10, 0, 0, TimeSpan.FromHours(8)).Stored();
            foreach (var unit in province.Units)
            {
                var name = $"{month}_{unit.Code}_seed.xlsx";
                var fileId = (long)Run(file, Hashing.Sha256(System.Text.Encoding.UTF8.GetBytes(name)), name, at, unit.Code, month.ToString())!;
                var id = (long)Run(submission, fileId, unit.Code, month.ToString(), at)!;
                foreach (var task in province.TasksOf[unit.Code])
                {
                    var e = province.Answer(task, unit.Code, month);
                    Run(entry, id, e.TaskCode, e.Status, e.Percent, e.Progress, e.Problems, e.NextSteps);
                    rows++;
                }
            }
        }
        tx.Commit();
        return rows;
    }

    private static DbCommand Command(DbConnection c, DbTransaction tx, string sql, params string[] names)
    {
        var command = c.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        foreach (var n in names)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = n;
            command.Parameters.Add(parameter);
        }
        return command;
    }

    private static object? Run(DbCommand command, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++) command.Parameters[i].Value = values[i] ?? DBNull.Value;
        return command.ExecuteScalar();
    }
}
