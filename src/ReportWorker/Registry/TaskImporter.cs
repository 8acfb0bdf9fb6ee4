using System.Text.Json;
using Dapper;
using Microsoft.Extensions.Options;
using ReportWorker.Calendar;
using ReportWorker.Ledger;
using ReportWorker.Storage;
using ReportWorker.Text;

namespace ReportWorker.Registry;

/// <summary>
/// Imports a year's task list (年度党建工作任务清单). The list belongs to one year: given with
/// <c>--year</c>, else the year its deadlines are written in, else this year; a deadline outside that year
/// is refused with its row. Units are named the way the list names them (full name, short name, alias or
/// code). Within the year, tasks are matched by code: a changed task is updated and its previous version
/// kept in task_history; other years' tasks are never touched, even where the new list reuses their codes.
/// A 接续上年任务 column names the earlier task a new one carries on (it is then not carried over).
/// Nothing is written if any row is wrong.
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
        new("continues", "接续上年任务", false, "接续上年任务", "上年任务编号", "接续任务", "延续上年任务", "原任务编号"),
    ];

    // A year written before a code is how the books show a carried-over task (2025-A-001).
    private static readonly System.Text.RegularExpressions.Regex YearQualified = new(@"^(20\d{2})-(.+)$");

    public ImportResult Import(string path, int? year = null)
    {
        var file = Path.GetFileName(path);
        var units = new RegistryStore(database).Units();
        var categories = options.Value.Categories;
        // Without --year, read once with no year for undated deadlines to see which years the list itself writes,
        // and again only if some deadline ("6月底") needs the year found. (A 30,000-row list takes seconds to read.)
        var first = Parse(path, file, units, categories, year ?? UndatedYear);
        var (listYear, basis) = ListYear(first, year);
        var tasks = year is null && first.Any(t => t.Task.Deadline?.Year == UndatedYear) ? Parse(path, file, units, categories, listYear) : first;
        CheckYear(tasks, file, listYear, basis);
        return database.InTransaction((c, tx) =>
        {
            var continues = ResolveContinues(c, tx, tasks, file, listYear, out var sameAsLastYear);
            var existing = RegistryStore.LoadTasks(c, tx, "t.year = @year", new { year = listYear }).ToDictionary(t => t.Code);
            var now = clock.GetUtcNow().Stored();
            var importId = RegistryStore.RecordImport(c, tx, "tasks", file, Hashing.Sha256OfFile(path), tasks.Count, now);
            int added = 0, changed = 0;
            foreach (var parsed in tasks)
            {
                var task = parsed.Task with { Year = listYear, Continues = continues.TryGetValue(parsed.Row, out var earlier) ? earlier : null };
                if (existing.TryGetValue(task.Code, out var old))
                {
                    if (Same(old, task)) continue;
                    changed++;
                    c.Execute("INSERT INTO task_history(task_id, task_code, changed_at, import_id, previous, action) VALUES (@Id, @Code, @now, @importId, @previous, 'changed')",
                        new { old.Id, old.Code, now, importId, previous = JsonSerializer.Serialize(old) }, tx);
                }
                else added++;
                var id = c.ExecuteScalar<long>("""
                    INSERT INTO tasks(year, code, category, content, lead_unit, deadline, deadline_text, list_type, sort_order, continues, updated_at)
                    VALUES (@Year, @Code, @Category, @Content, @LeadUnit, @deadline, @DeadlineText, @ListType, @SortOrder, @Continues, @now)
                    ON CONFLICT(year, code) DO UPDATE SET category = excluded.category, content = excluded.content,
                        lead_unit = excluded.lead_unit, deadline = excluded.deadline, deadline_text = excluded.deadline_text,
                        list_type = excluded.list_type, sort_order = excluded.sort_order, continues = excluded.continues,
                        retired_from = NULL, retired_reason = NULL, updated_at = excluded.updated_at
                    RETURNING id
                    """, new { task.Year, task.Code, task.Category, task.Content, task.LeadUnit, deadline = task.Deadline?.ToString("yyyy-MM-dd"), task.DeadlineText, task.ListType, task.SortOrder, task.Continues, now }, tx);
                c.Execute("DELETE FROM task_co_units WHERE task_id = @id", new { id }, tx);
                foreach (var (co, position) in task.CoUnits.Select((co, i) => (co, i)))
                    c.Execute("INSERT INTO task_co_units(task_id, unit_code, position) VALUES (@id, @co, @position)", new { id, co, position }, tx);
            }
            RegistryStore.CountImport(c, tx, importId, added, changed);
            var notInFile = existing.Keys.Except(tasks.Select(t => t.Task.Code)).Order().ToArray();
            List<string> notes = [$"本清单按 {listYear} 年度导入（{basis}）；其他年度的任务未作任何改动。"];
            if (notInFile.Length > 0)
                notes.Add($"{listYear}年度清单中有 {notInFile.Length} 项任务不在本次文件中，保持不变：{string.Join("、", notInFile.Take(10))}{(notInFile.Length > 10 ? " …" : "")}；" +
                          $"如已取消，请用 tasks retire --year {listYear} 任务编号 --reason 原因 核销。");
            if (continues.Count > 0)
                notes.Add($"{continues.Count} 项任务接续上年任务（其中 {sameAsLastYear} 项与上年同编号、同内容，视为接续），相应的上年任务不再作为上年结转单列，" +
                          "上年的报送情况作为新表的起点。");
            return new ImportResult("tasks", tasks.Count, added, changed, tasks.Count - added - changed, notes, listYear);
        });
    }

    // No committee writes a deadline in year 1: a date in it came from a deadline written without a year.
    private const int UndatedYear = 1;

    private (int Year, string Basis) ListYear(IReadOnlyList<ParsedTask> tasks, int? given)
    {
        if (given is { } y) return (y, $"--year {y}");
        var written = tasks.Where(t => t.Task.Deadline is { Year: not UndatedYear }).GroupBy(t => t.Task.Deadline!.Value.Year)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key).Select(g => g.Key).ToArray();
        if (written.Length > 0) return (written[0], written.Length == 1 ? "依据完成时限中写明的年份" : "依据多数完成时限中写明的年份");
        // "This year" is the committee's year (Asia/Shanghai), not the server's.
        return (calendar.Now.Year, "完成时限都未写年份，按今年；其他年度请加 --year");
    }

    private static void CheckYear(IReadOnlyList<ParsedTask> tasks, string file, int year, string basis)
    {
        var errors = tasks.Where(t => t.Task.Deadline is { } d && d.Year != year)
            .Select(t => new ImportError(file, t.Row, "完成时限",
                $"完成时限“{t.Task.DeadlineText}”在 {t.Task.Deadline!.Value.Year} 年，不在 {year} 年度内（{basis}）。一份清单只管一个年度：请改正时限，或确认年度后用 --year 指定。"))
            .ToArray();
        if (errors.Length > 0) throw new RegistryImportException(errors);
    }

    /// <summary>
    /// Each row's 接续上年任务 as the id of an earlier year's task: "A-001" means last year's, "2024-A-001" that
    /// year's. A row that leaves it empty but repeats last year's task word for word under the same code
    /// continues it too (<paramref name="implicitCount"/>): an office re-issuing a task does not think to say so.
    /// </summary>
    private static Dictionary<int, long> ResolveContinues(System.Data.IDbConnection c, System.Data.IDbTransaction tx, IReadOnlyList<ParsedTask> tasks, string file, int year, out int implicitCount)
    {
        var errors = new List<ImportError>();
        var resolved = new Dictionary<int, long>();
        var claimed = new Dictionary<long, int>();
        foreach (var t in tasks.Where(t => t.Continues.Length > 0))
        {
            var m = YearQualified.Match(t.Continues);
            var (fromYear, code) = m.Success ? (int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), m.Groups[2].Value) : (year - 1, t.Continues);
            var id = c.ExecuteScalar<long?>("SELECT id FROM tasks WHERE year = @fromYear AND code = @code", new { fromYear, code }, tx);
            if (fromYear >= year) errors.Add(new(file, t.Row, "接续上年任务", $"接续的任务“{t.Continues}”不是 {year} 年以前的任务。"));
            else if (id is null) errors.Add(new(file, t.Row, "接续上年任务", $"{fromYear}年度清单中没有任务 {code}。请写上年的任务编号，更早年度的写成“2024-A-001”。"));
            else if (claimed.TryGetValue(id.Value, out var first)) errors.Add(new(file, t.Row, "接续上年任务", $"{fromYear}年的任务 {code} 已由第{first}行接续，一项任务只能由一项新任务接续。"));
            else { resolved[t.Row] = id.Value; claimed[id.Value] = t.Row; }
        }
        if (errors.Count > 0) throw new RegistryImportException(errors);

        var lastYear = RegistryStore.LoadTasks(c, tx, "t.year = @previous", new { previous = year - 1 }).ToDictionary(t => t.Code);
        implicitCount = 0;
        foreach (var t in tasks.Where(t => t.Continues.Length == 0))
            if (lastYear.TryGetValue(t.Task.Code, out var before) && before.Content == t.Task.Content && claimed.TryAdd(before.Id, t.Row))
            {
                resolved[t.Row] = before.Id;
                implicitCount++;
            }
        return resolved;
    }

    // A retired task in the new list is back on the books: that is a change too.
    private static bool Same(TaskItem old, TaskItem task) =>
        old.RetiredFrom is null
        && old with { CoUnits = [], Id = 0, RetiredFrom = null } == task with { CoUnits = [], Id = 0 }
        && old.CoUnits.Order().SequenceEqual(task.CoUnits.Order());

    /// <summary>A row of the list: the task, its row number, and the 接续上年任务 as written.</summary>
    internal sealed record ParsedTask(TaskItem Task, int Row, string Continues);

    internal static List<ParsedTask> Parse(string path, string file, IReadOnlyList<Unit> units, IReadOnlyDictionary<string, string> categories, int defaultYear)
    {
        var (sheet, map) = RegistrySheet.Open(path, file, Columns, "任务清单");
        var resolver = new UnitResolver(units);
        var errors = new List<ImportError>();
        var tasks = new List<ParsedTask>();
        var seen = new Dictionary<string, int>();
        if (units.Count == 0) errors.Add(new(file, 0, "", "台账中还没有单位名录，请先导入单位（import units）。"));
        foreach (var row in sheet.Rows.Where(r => r.Number > map.HeaderRow && !r.IsBlank))
        {
            void Error(string key, string problem) => errors.Add(new(file, row.Number, map.Describe(Columns.First(c => c.Key == key)), problem));
            var code = TextNormalizer.Narrow(map.Text(row, "code")).ToUpperInvariant();
            if (code.Length == 0) Error("code", "任务编号为空。");
            else if (YearQualified.IsMatch(code)) Error("code", $"任务编号 {code} 以年份开头：账上用“年份-编号”表示上年结转的任务，清单自己的编号请不要带年份。");
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

            tasks.Add(new(new TaskItem(code, category ?? "", content, lead ?? "", coUnits, deadline,
                deadlineCell?.IsDate == true ? deadline?.ToString("yyyy-MM-dd") ?? "" : deadlineText, listType, tasks.Count + 1),
                row.Number, TextNormalizer.Narrow(map.Text(row, "continues")).ToUpperInvariant()));
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
