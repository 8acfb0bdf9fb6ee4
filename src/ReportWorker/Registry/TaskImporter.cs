using System.Text.Json;
using Dapper;
using Microsoft.Extensions.Options;
using ReportWorker.Calendar;
using ReportWorker.Ledger;
using ReportWorker.Storage;
using ReportWorker.Text;

namespace ReportWorker.Registry;

/// <summary>
/// Imports the annual task list (年度党建工作任务清单). Units are named the way the list names them
/// (full name, short name, alias or code). Tasks are matched by code: a changed task is updated
/// and its previous version kept in task_history. Nothing is written if any row is wrong.
/// </summary>
public sealed class TaskImporter(LedgerDatabase database, TimeProvider clock, ReportingCalendar calendar, IOptions<RegistryOptions> options)
{
    internal static readonly ColumnSpec[] Columns =
    [
        new("code", "任务编号", true, "任务编号", "编号", "任务代码", "代码", "任务序号"),
        new("category", "类别", true, "类别", "任务类别", "分类", "类型分类", "板块"),
        new("content", "任务内容", true, "任务内容", "工作任务", "内容", "任务", "具体任务", "工作内容"),
        new("lead", "牵头单位", true, "牵头单位", "责任单位", "主责单位", "牵头部门", "责任部门"),
        new("co", "配合单位", false, "配合单位", "协办单位", "参与单位", "配合部门"),
        new("deadline", "完成时限", true, "完成时限", "时限", "完成时间", "截止时间", "时间要求", "截止日期"),
        new("list", "清单类型", false, "清单类型", "清单", "任务类型"),
    ];

    public ImportResult Import(string path, int? year = null)
    {
        var file = Path.GetFileName(path);
        // "This year" is the committee's year (Asia/Shanghai), not the server's.
        var defaultYear = year ?? calendar.Now.Year;
        var units = new RegistryStore(database).Units();
        var tasks = Parse(path, file, units, options.Value.Categories, defaultYear);
        return database.InTransaction((c, tx) =>
        {
            var existing = RegistryStore.LoadTasks(c, tx, activeOnly: false).ToDictionary(t => t.Code);
            var now = clock.GetUtcNow().Stored();
            var importId = RegistryStore.RecordImport(c, tx, "tasks", file, Hashing.Sha256OfFile(path), tasks.Count, now);
            int added = 0, changed = 0;
            foreach (var task in tasks)
            {
                if (existing.TryGetValue(task.Code, out var old))
                {
                    if (Same(old, task) && IsActive(c, tx, task.Code)) continue;
                    changed++;
                    c.Execute("INSERT INTO task_history(task_code, changed_at, import_id, previous) VALUES (@Code, @now, @importId, @previous)",
                        new { task.Code, now, importId, previous = JsonSerializer.Serialize(old) }, tx);
                }
                else added++;
                c.Execute("""
                    INSERT INTO tasks(code, category, content, lead_unit, deadline, deadline_text, list_type, sort_order, active, updated_at)
                    VALUES (@Code, @Category, @Content, @LeadUnit, @deadline, @DeadlineText, @ListType, @SortOrder, 1, @now)
                    ON CONFLICT(code) DO UPDATE SET category = excluded.category, content = excluded.content,
                        lead_unit = excluded.lead_unit, deadline = excluded.deadline, deadline_text = excluded.deadline_text,
                        list_type = excluded.list_type, sort_order = excluded.sort_order, active = 1, updated_at = excluded.updated_at
                    """, new { task.Code, task.Category, task.Content, task.LeadUnit, deadline = task.Deadline?.ToString("yyyy-MM-dd"), task.DeadlineText, task.ListType, task.SortOrder, now }, tx);
                c.Execute("DELETE FROM task_co_units WHERE task_code = @Code", new { task.Code }, tx);
                foreach (var (co, position) in task.CoUnits.Select((co, i) => (co, i)))
                    c.Execute("INSERT INTO task_co_units(task_code, unit_code, position) VALUES (@Code, @co, @position)", new { task.Code, co, position }, tx);
            }
            RegistryStore.CountImport(c, tx, importId, added, changed);
            var notInFile = existing.Keys.Except(tasks.Select(t => t.Code)).Order().ToArray();
            List<string> notes = notInFile.Length == 0 ? [] :
                [$"台账中有 {notInFile.Length} 项任务不在本次文件中，保持不变：{string.Join("、", notInFile.Take(10))}{(notInFile.Length > 10 ? " …" : "")}"];
            return new ImportResult("tasks", tasks.Count, added, changed, tasks.Count - added - changed, notes);
        });
    }

    private static bool IsActive(System.Data.IDbConnection c, System.Data.IDbTransaction tx, string code) =>
        c.ExecuteScalar<long>("SELECT active FROM tasks WHERE code = @code", new { code }, tx) == 1;

    private static bool Same(TaskItem a, TaskItem b) =>
        a with { CoUnits = [] } == b with { CoUnits = [] } && a.CoUnits.Order().SequenceEqual(b.CoUnits.Order());

    internal static List<TaskItem> Parse(string path, string file, IReadOnlyList<Unit> units, IReadOnlyDictionary<string, string> categories, int defaultYear)
    {
        var (sheet, map) = RegistrySheet.Open(path, file, Columns, "任务清单");
        var resolver = new UnitResolver(units);
        var errors = new List<ImportError>();
        var tasks = new List<TaskItem>();
        var seen = new Dictionary<string, int>();
        if (units.Count == 0) errors.Add(new(file, 0, "", "台账中还没有单位名录，请先导入单位（import units）。"));
        foreach (var row in sheet.Rows.Where(r => r.Number > map.HeaderRow && !r.IsBlank))
        {
            void Error(string key, string problem) => errors.Add(new(file, row.Number, map.Describe(Columns.First(c => c.Key == key)), problem));
            var code = TextNormalizer.Narrow(map.Text(row, "code")).ToUpperInvariant();
            if (code.Length == 0) Error("code", "任务编号为空。");
            else if (seen.TryGetValue(code, out var first)) Error("code", $"任务编号 {code} 与第{first}行重复。");
            else seen[code] = row.Number;

            var category = ResolveCategory(map.Text(row, "category"), code, categories);
            if (category is null) Error("category", $"类别“{map.Text(row, "category")}”无法识别，应为 {string.Join("、", categories.Select(k => $"{k.Key} {k.Value}"))} 之一。");

            var content = map.Text(row, "content");
            if (content.Length == 0) Error("content", "任务内容为空。");

            var leadText = map.Text(row, "lead");
            var lead = resolver.Resolve(leadText);
            if (leadText.Length == 0) Error("lead", "牵头单位为空。");
            else if (resolver.Candidates(leadText) is { Count: > 0 } many) Error("lead", $"“{leadText}”同时可以指 {string.Join("、", many)}，请写单位全称或代码。");
            else if (lead is null && units.Count > 0) Error("lead", $"单位“{leadText}”不在单位名录中。");

            var coUnits = new List<string>();
            foreach (var name in TextNormalizer.SplitList(map.Text(row, "co")))
            {
                if (resolver.Resolve(name) is { } co) { if (co != lead && !coUnits.Contains(co)) coUnits.Add(co); }
                else if (resolver.Candidates(name) is { Count: > 0 } many) Error("co", $"“{name}”同时可以指 {string.Join("、", many)}，请写单位全称或代码。");
                else if (units.Count > 0) Error("co", $"配合单位“{name}”不在单位名录中。");
            }

            var deadlineCell = map.Cell(row, "deadline");
            var deadlineText = TextNormalizer.Clean(deadlineCell?.Text);
            if (!DeadlineParser.TryParse(deadlineCell, defaultYear, out var deadline))
                Error("deadline", deadlineText.Length == 0 ? "完成时限为空（常态化任务请填“长期坚持”）。" : $"完成时限“{deadlineText}”无法识别，请写成 2025-06-30、2025年6月底 或 长期坚持。");

            var listText = map.Text(row, "list");
            var listType = listText.Contains("常态") ? TaskItem.Routine
                : listText.Contains("重点") || listText.Contains("年度") ? TaskItem.AnnualKey
                : deadline is null ? TaskItem.Routine : TaskItem.AnnualKey;

            tasks.Add(new TaskItem(code, category ?? "", content, lead ?? "", coUnits, deadline,
                deadlineCell?.IsDate == true ? deadline?.ToString("yyyy-MM-dd") ?? "" : deadlineText, listType, tasks.Count + 1));
        }
        if (tasks.Count == 0 && errors.Count == 0) errors.Add(new(file, 0, "", "表中没有任何任务。"));
        if (errors.Count > 0) throw new RegistryImportException(errors);
        return tasks;
    }

    /// <summary>Accepts "A", "A类", "A 突出政治建设", "突出政治建设", or falls back to the code's letter.</summary>
    private static string? ResolveCategory(string text, string code, IReadOnlyDictionary<string, string> categories)
    {
        var narrow = TextNormalizer.Narrow(text).ToUpperInvariant();
        foreach (var (letter, name) in categories)
            if (narrow == letter || narrow.StartsWith(letter + "类", StringComparison.Ordinal) || narrow.Contains(name, StringComparison.Ordinal)
                || (narrow.Length > 1 && narrow.StartsWith(letter, StringComparison.Ordinal) && !char.IsAsciiLetter(narrow[1])))
                return letter;
        return narrow.Length == 0 && code.Length > 0 && categories.ContainsKey(code[..1]) ? code[..1] : null;
    }
}
