using System.Data;
using Dapper;
using ReportWorker.Ledger;

namespace ReportWorker.Registry;

/// <summary>
/// Reads units and tasks from the ledger. They change only by import, so the lists are kept in memory
/// and read again only when an import (in this process or any other) has happened since: intake
/// checks every file against the whole registry, and reading 30,000 tasks per file made a large
/// intake quadratic.
/// </summary>
public sealed class RegistryStore(LedgerDatabase database)
{
    private sealed record Cached<T>(long Version, T Value);
    private Cached<IReadOnlyList<Unit>>? _units;
    private Cached<IReadOnlyList<TaskItem>>? _activeTasks;
    private Cached<RegistryIndex>? _index;

    /// <summary>Units and active tasks with their lookups, rebuilt only after an import.</summary>
    public RegistryIndex Index()
    {
        long version;
        using (var c = database.Open()) version = Version(c);
        if (_index is { } cached && cached.Version == version) return cached.Value;
        var index = new RegistryIndex(Units(), Tasks());
        _index = new(version, index);
        return index;
    }

    public IReadOnlyList<Unit> Units()
    {
        using var c = database.Open();
        var version = Version(c);
        if (_units is { } cached && cached.Version == version) return cached.Value;
        var units = LoadUnits(c, null);
        _units = new(version, units);
        return units;
    }

    // Every import adds a row to imports in the same transaction as its changes.
    private static long Version(IDbConnection c) => c.ExecuteScalar<long>("SELECT COALESCE(MAX(id), 0) FROM imports");

    public Unit? FindUnit(string code) => Units().FirstOrDefault(u => u.Code == code);

    /// <summary>
    /// Forms and briefings for nobody are a set-up mistake, not a month with nothing to do: say which
    /// import is missing. (Reminders for nobody are simply none.)
    /// </summary>
    public void RequireUnitsAndTasks()
    {
        if (Units().Count == 0) throw new EmptyRegistryException("单位名录为空：请先运行 import units 文件 导入单位名录。");
        if (Tasks().Count == 0) throw new EmptyRegistryException("任务清单为空：请先运行 import tasks 文件 导入年度任务清单。");
    }

    public IReadOnlyList<TaskItem> Tasks(bool activeOnly = true)
    {
        using var c = database.Open();
        if (!activeOnly) return LoadTasks(c, null, activeOnly);
        var version = Version(c);
        if (_activeTasks is { } cached && cached.Version == version) return cached.Value;
        var tasks = LoadTasks(c, null, activeOnly);
        _activeTasks = new(version, tasks);
        return tasks;
    }

    public IReadOnlyList<TaskItem> TasksOf(string unitCode) => Index().TasksOf(unitCode).ToArray();

    /// <summary>
    /// Records an import in the transaction that applies it. The newest import's id is the registry's
    /// version: every process's cache (<see cref="Index"/>) sees the change by it.
    /// </summary>
    internal static long RecordImport(IDbConnection c, IDbTransaction tx, string kind, string file, string sha256, int rows, string now) =>
        c.ExecuteScalar<long>("""
            INSERT INTO imports(kind, file_name, sha256, rows, added, changed, imported_at)
            VALUES (@kind, @file, @sha256, @rows, 0, 0, @now) RETURNING id
            """, new { kind, file, sha256, rows, now }, tx);

    internal static void CountImport(IDbConnection c, IDbTransaction tx, long importId, int added, int changed) =>
        c.Execute("UPDATE imports SET added = @added, changed = @changed WHERE id = @importId", new { added, changed, importId }, tx);

    internal static IReadOnlyList<Unit> LoadUnits(IDbConnection c, IDbTransaction? tx)
    {
        var liaisons = c.Query<(string UnitCode, string Name, string Email)>(
                "SELECT unit_code, name, email FROM unit_liaisons ORDER BY unit_code, position", transaction: tx)
            .ToLookup(l => l.UnitCode);
        return c.Query<(string Code, string Name, string ShortName, string Aliases, long SortOrder)>(
                "SELECT code, name, short_name, aliases, sort_order FROM units ORDER BY sort_order, code", transaction: tx)
            .Select(u => new Unit(u.Code, u.Name, u.ShortName,
                u.Aliases.Length == 0 ? [] : u.Aliases.Split('|'),
                liaisons[u.Code].Select(l => new Liaison(l.Name, l.Email)).ToArray(), (int)u.SortOrder))
            .ToArray();
    }

    internal static IReadOnlyList<TaskItem> LoadTasks(IDbConnection c, IDbTransaction? tx, bool activeOnly)
    {
        var coUnits = c.Query<(string TaskCode, string UnitCode)>("SELECT task_code, unit_code FROM task_co_units ORDER BY task_code, position", transaction: tx)
            .ToLookup(x => x.TaskCode, x => x.UnitCode);
        var sql = "SELECT code, category, content, lead_unit, deadline, deadline_text, list_type, sort_order FROM tasks"
                  + (activeOnly ? " WHERE active = 1" : "") + " ORDER BY sort_order, code";
        return c.Query<(string Code, string Category, string Content, string LeadUnit, string? Deadline, string DeadlineText, string ListType, long SortOrder)>(sql, transaction: tx)
            .Select(t => new TaskItem(t.Code, t.Category, t.Content, t.LeadUnit, coUnits[t.Code].ToArray(),
                t.Deadline is null ? null : DateOnly.ParseExact(t.Deadline, "yyyy-MM-dd"), t.DeadlineText, t.ListType, (int)t.SortOrder))
            .ToArray();
    }
}
