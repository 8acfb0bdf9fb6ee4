using Dapper;
using ReportWorker.Briefings;
using ReportWorker.Ledger;
using ReportWorker.Periods;
using ReportWorker.Registry;
using ReportWorker.Tests.Support;

namespace ReportWorker.Tests.Ledger;

/// <summary>
/// Migration 0009 gives tasks a year and an id. A ledger written before it (one list, reports and 督办事项 by
/// code) comes out with its list in the year its deadlines say, every report and item pointing at its task,
/// and the same figures as before.
/// </summary>
public class TaskYearsMigrationTests
{
    [Fact]
    public void A_ledger_from_before_0009_keeps_its_reports_and_items_attached_to_their_tasks()
    {
        using var world = new TestWorld(migrateUpTo: 8);
        const string at = "2025-03-20T02:00:00.0000000+00:00";
        using (var c = world.Get<LedgerDatabase>().Open())
        {
            // Written the way the 0008 worker wrote them.
            c.Execute("INSERT INTO units(code, name, short_name, updated_at) VALUES ('U01', '中共海南省委办公厅', '省委办公厅', @at), ('U02', '海南省审计厅', '省审计厅', @at)", new { at });
            c.Execute("INSERT INTO imports(kind, file_name, sha256, rows, added, changed, imported_at) VALUES ('tasks', 'tasks.xlsx', '', 3, 3, 0, @at)", new { at });
            c.Execute("""
                INSERT INTO tasks(code, category, content, lead_unit, deadline, deadline_text, list_type, sort_order, active, updated_at) VALUES
                ('A-001', 'A', '严格落实“第一议题”制度', 'U01', NULL, '长期坚持', '常态化', 1, 1, @at),
                ('A-002', 'A', '完善机关党建主体责任清单', 'U01', '2025-03-31', '2025年3月底', '年度重点', 2, 1, @at),
                ('C-001', 'C', '开展审计领域党建与业务融合试点', 'U02', '2025-02-28', '2025年2月28日', '年度重点', 3, 1, @at)
                """, new { at });
            c.Execute("INSERT INTO task_co_units(task_code, unit_code, position) VALUES ('A-002', 'U02', 0)");
            c.Execute("INSERT INTO task_history(task_code, changed_at, import_id, previous) VALUES ('C-001', @at, 1, '{}')", new { at });
            c.Execute("""
                INSERT INTO received_files(sha256, source, source_ref, original_name, size_bytes, archive_path, received_at, outcome, unit_code, month, finished)
                VALUES ('x', 'folder', 'a.xlsx', 'a.xlsx', 1, 'a', @at, 'accepted', 'U01', '2025-03', 1), ('y', 'folder', 'b.xlsx', 'b.xlsx', 1, 'b', @at, 'accepted', 'U02', '2025-03', 1)
                """, new { at });
            c.Execute("INSERT INTO submissions(received_file_id, unit_code, month, received_at, late) VALUES (1, 'U01', '2025-03', @at, 0), (2, 'U02', '2025-03', @at, 0)", new { at });
            c.Execute("""
                INSERT INTO entries(submission_id, task_code, status, percent, progress, problems, next_steps) VALUES
                (1, 'A-001', '序时推进', 50, '推进中', '', ''), (1, 'A-002', '已完成', 100, '已印发', '', ''),
                (2, 'A-002', '序时推进', 90, '配合', '', ''), (2, 'C-001', '滞后', 30, '方案报批中', '人员调整', '')
                """);
            c.Execute("INSERT INTO supervision_items(quarter, seq, task_code, level, reason, rectify_by, created_at) VALUES ('2025Q1', 1, 'C-001', '黄', '逾期', '2025-04-30', @at)", new { at });
        }

        Assert.Equal(1, world.Get<SchemaMigrator>().Migrate(upTo: 9));
        world.Get<SchemaMigrator>().Migrate(); // and whatever came after it

        var tasks = world.Get<RegistryStore>().TasksOfYear(2025).ToDictionary(t => t.Code);
        Assert.Equal(["A-001", "A-002", "C-001"], tasks.Keys);
        Assert.Equal(["U02"], tasks["A-002"].CoUnits);
        using (var c = world.Get<LedgerDatabase>().Open())
        {
            Assert.Equal(0, c.ExecuteScalar<long>("SELECT COUNT(*) FROM entries e JOIN tasks t ON t.id = e.task_id WHERE t.code <> e.task_code"));
            Assert.Equal(0, c.ExecuteScalar<long>("SELECT COUNT(*) FROM entries WHERE task_id IS NULL"));
            Assert.Equal(tasks["C-001"].Id, c.ExecuteScalar<long>("SELECT task_id FROM supervision_items"));
            Assert.Equal(tasks["C-001"].Id, c.ExecuteScalar<long>("SELECT task_id FROM task_history"));
            Assert.Equal(2, c.ExecuteScalar<long>("SELECT changes FROM ledger_years WHERE year = 2025"));
        }

        var status = world.Get<LedgerStatus>().For(new ReportMonth(2025, 3));
        Assert.Equal(1, status.ClosedToDate);                       // A-002, closed by its lead unit
        Assert.Equal(1, status.Overdue);                            // C-001, due in February
        Assert.Equal(2025, status.Year);
        var item = Assert.Single(world.Get<SupervisionStore>().Load(new Quarter(2025, 1)));
        Assert.Equal(tasks["C-001"].Id, item.TaskId);
    }
}
