using System.Text.Json;
using Dapper;
using ReportWorker.Calendar;
using ReportWorker.Ledger;
using ReportWorker.Periods;
using ReportWorker.Storage;

namespace ReportWorker.Registry;

/// <summary>The office's decision to take tasks off the books, as recorded.</summary>
public sealed record Retirement(int Year, IReadOnlyList<string> Retired, IReadOnlyList<string> AlreadyRetired, ReportMonth From);

/// <summary>
/// 核销: the office takes a task off the books from a month on (a task the committee cancelled, or one
/// carried over that it no longer follows). Never back-dated: months already reported on keep the task,
/// so their briefings stay as issued. Kept in task_history with the reason; the task and its reports
/// stay in the ledger. Importing the task's year's list with the task in it puts it back.
/// </summary>
public sealed class TaskRetirement(LedgerDatabase database, TimeProvider clock, ReportingCalendar calendar)
{
    public Retirement Retire(int year, IReadOnlyList<string> codes, string reason, ReportMonth? from = null)
    {
        var current = ReportMonth.Of(calendar.Now);
        var effective = from ?? current;
        if (string.IsNullOrWhiteSpace(reason)) throw new TaskRetirementException("请用 --reason 写明核销的原因（例如“工委2026年第3次会议决定不再列入”），它会记入任务的历史。");
        if (effective < current)
            throw new TaskRetirementException($"核销只能从本月（{current.ToChinese()}）或以后的月份起生效：{effective.ToChinese()}的台账和通报已经按原样形成，不能倒签。");
        var wanted = codes.Select(c => Text.TextNormalizer.Narrow(c).ToUpperInvariant()).Distinct().ToArray();
        return database.InTransaction((c, tx) =>
        {
            var tasks = RegistryStore.LoadTasks(c, tx, "t.year = @year", new { year }).ToDictionary(t => t.Code);
            var unknown = wanted.Where(code => !tasks.ContainsKey(code)).ToArray();
            if (unknown.Length > 0)
                throw new TaskRetirementException($"{year}年度清单中没有任务 {string.Join("、", unknown)}。" +
                    (tasks.Count == 0 ? $"{year}年度还没有导入任务清单。" : "上年结转的任务请写它原来的年度和编号，例如 --year 2025 A-001。"));
            var now = clock.GetUtcNow().Stored();
            var importId = RegistryStore.RecordImport(c, tx, "retire", $"tasks retire --year {year} {string.Join(" ", wanted)}", "", wanted.Length, now);
            var retired = new List<string>();
            var already = new List<string>();
            foreach (var code in wanted)
            {
                var task = tasks[code];
                if (task.RetiredFrom is not null) { already.Add($"{code}（{task.RetiredFrom} 起）"); continue; }
                c.Execute("UPDATE tasks SET retired_from = @from, retired_reason = @reason, updated_at = @now WHERE id = @Id",
                    new { from = effective.ToString(), reason, now, task.Id }, tx);
                c.Execute("INSERT INTO task_history(task_id, task_code, changed_at, import_id, previous, action, note) VALUES (@Id, @Code, @now, @importId, @previous, 'retired', @note)",
                    new { task.Id, task.Code, now, importId, previous = JsonSerializer.Serialize(task), note = $"自 {effective} 起核销：{reason}" }, tx);
                retired.Add(code);
            }
            RegistryStore.CountImport(c, tx, importId, 0, retired.Count);
            return new Retirement(year, retired, already, effective);
        });
    }
}

/// <summary>A retirement the office asked for that cannot be done as asked; the message says why and what to do.</summary>
public sealed class TaskRetirementException(string message) : Exception(message);
