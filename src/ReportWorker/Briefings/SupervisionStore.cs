using ReportWorker.Storage;
using Dapper;
using ReportWorker.Ledger;
using ReportWorker.Periods;

namespace ReportWorker.Briefings;

/// <summary>Stored 督办事项, so numbers and levels stay put across re-runs.</summary>
public sealed class SupervisionStore(LedgerDatabase database, TimeProvider clock)
{
    public IReadOnlyList<StoredItem> Load(Quarter quarter)
    {
        using var c = database.Open();
        return c.Query<(string Quarter, long Seq, long TaskId, string TaskCode, string Level, string Reason, string RectifyBy)>(
                "SELECT quarter, seq, COALESCE(task_id, 0), task_code, level, reason, rectify_by FROM supervision_items WHERE quarter = @q ORDER BY seq", new { q = quarter.ToString() })
            .Select(r => new StoredItem(r.Quarter, (int)r.Seq, r.TaskId, r.TaskCode, r.Level, r.Reason, DateOnly.ParseExact(r.RectifyBy, "yyyy-MM-dd")))
            .ToArray();
    }

    public void Add(IReadOnlyList<StoredItem> items)
    {
        if (items.Count == 0) return;
        database.InTransaction((c, tx) =>
        {
            foreach (var i in items)
                c.Execute("""
                    INSERT INTO supervision_items(quarter, seq, task_id, task_code, level, reason, rectify_by, created_at)
                    VALUES (@Quarter, @Seq, @TaskId, @TaskCode, @Level, @Reason, @rectify, @now) ON CONFLICT DO NOTHING
                    """, new { i.Quarter, i.Seq, i.TaskId, i.TaskCode, i.Level, i.Reason, rectify = i.RectifyBy.ToString("yyyy-MM-dd"), now = clock.GetUtcNow().Stored() }, tx);
            return 0;
        });
    }
}
