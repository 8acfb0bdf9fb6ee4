using System.Data;
using Dapper;
using ReportWorker.Ledger;

namespace ReportWorker.Registry;

/// <summary>
/// Reads units and the yearly task lists from the ledger. They change only by import (or a retirement),
/// so the lists are kept in memory and read again only when an import (in this process or any other)
/// has happened since: intake checks every file against the whole registry, and reading 30,000 tasks
/// per file made a large intake quadratic. Which tasks a month's books hold is <c>Ledger.TaskBooks</c>'s
/// business: this store only knows lists and years.
/// </summary>
public sealed class RegistryStore(LedgerDatabase database)
{
    private sealed record Cached<T>(long Version, T Value);
    private Cached<IReadOnlyList<Unit>>? _units;
    private readonly Dictionary<int, Cached<IReadOnlyList<TaskItem>>> _years = [];
    private readonly Lock _lock = new();

    /// <summary>The registry's version: the newest import's id. Every change to units or tasks records an import.</summary>
    public long Version()
    {
        using var c = database.Open();
        return Version(c);
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

    /// <summary>Forms and briefings for nobody are a set-up mistake, not a month with nothing to do: say which import is missing.</summary>
    public void RequireUnits()
    {
        if (Units().Count == 0) throw new EmptyRegistryException("单位名录为空：请先运行 import units 文件 导入单位名录。");
    }

    /// <summary>Every task of a year's list, retired ones included (<see cref="TaskItem.RetiredFrom"/>), in list order.</summary>
    public IReadOnlyList<TaskItem> TasksOfYear(int year)
    {
        using var c = database.Open();
        var version = Version(c);
        lock (_lock)
            if (_years.TryGetValue(year, out var cached) && cached.Version == version) return cached.Value;
        var tasks = LoadTasks(c, null, "t.year = @year", new { year });
        lock (_lock) _years[year] = new(version, tasks);
        return tasks;
    }

    /// <summary>
    /// Tasks of years before <paramref name="year"/> that could still be on its books: they have a deadline
    /// (a standing task belongs to its year; the next list restates the standing work) and no list up to
    /// <paramref name="year"/> says another task carries them on.
    /// </summary>
    public IReadOnlyList<TaskItem> CarryOverCandidates(int year)
    {
        using var c = database.Open();
        return LoadTasks(c, null, "t.year < @year AND t.deadline IS NOT NULL AND NOT EXISTS (SELECT 1 FROM tasks n WHERE n.continues = t.id AND n.year <= @year)", new { year });
    }

    /// <summary>Tasks by id, whatever their year (a 督办事项's task that has left the books).</summary>
    public IReadOnlyList<TaskItem> TasksWithIds(IReadOnlyCollection<long> ids)
    {
        if (ids.Count == 0) return [];
        using var c = database.Open();
        return LoadTasks(c, null, "t.id IN @ids", new { ids = ids.ToArray() });
    }

    /// <summary>When each unit joined the registry; none for units already there before the ledger recorded it.</summary>
    public IReadOnlyDictionary<string, DateTimeOffset> AddedAt()
    {
        using var c = database.Open();
        return c.Query<(string Code, string? AddedAt)>("SELECT code, added_at FROM units")
            .Where(r => r.AddedAt is not null)
            .ToDictionary(r => r.Code, r => DateTimeOffset.Parse(r.AddedAt!, System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>The years that have a list, with how many tasks each holds.</summary>
    public IReadOnlyList<(int Year, int Tasks)> ListYears()
    {
        using var c = database.Open();
        return c.Query<(long Year, long Tasks)>("SELECT year, COUNT(*) FROM tasks GROUP BY year ORDER BY year")
            .Select(r => ((int)r.Year, (int)r.Tasks)).ToArray();
    }

    /// <summary>What happened to a task after its first import, oldest first: re-imports that changed it, retirements.</summary>
    public IReadOnlyList<(string At, string Action, string? Note)> History(long taskId)
    {
        using var c = database.Open();
        return c.Query<(string At, string Action, string? Note)>(
            "SELECT changed_at, action, note FROM task_history WHERE task_id = @taskId ORDER BY id", new { taskId }).ToArray();
    }

    public bool HasList(int year)
    {
        using var c = database.Open();
        return c.ExecuteScalar<long>("SELECT COUNT(*) FROM tasks WHERE year = @year", new { year }) > 0;
    }

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

    internal static IReadOnlyList<TaskItem> LoadTasks(IDbConnection c, IDbTransaction? tx, string where, object parameters)
    {
        var coUnits = c.Query<(long TaskId, string UnitCode)>(
                $"SELECT co.task_id, co.unit_code FROM task_co_units co JOIN tasks t ON t.id = co.task_id WHERE {where} ORDER BY co.task_id, co.position", parameters, tx)
            .ToLookup(x => x.TaskId, x => x.UnitCode);
        return c.Query<TaskRow>($"""
                SELECT t.id AS Id, t.year AS Year, t.code AS Code, t.category AS Category, t.content AS Content, t.lead_unit AS LeadUnit,
                       t.deadline AS Deadline, t.deadline_text AS DeadlineText, t.list_type AS ListType, t.sort_order AS SortOrder,
                       t.continues AS Continues, t.retired_from AS RetiredFrom
                FROM tasks t WHERE {where} ORDER BY t.year, t.sort_order, t.code
                """, parameters, tx)
            .Select(t => new TaskItem(t.Code, t.Category, t.Content, t.LeadUnit, coUnits[t.Id].ToArray(),
                t.Deadline is null ? null : DateOnly.ParseExact(t.Deadline, "yyyy-MM-dd"), t.DeadlineText, t.ListType, (int)t.SortOrder)
            {
                Id = t.Id, Year = (int)t.Year, Continues = t.Continues, RetiredFrom = t.RetiredFrom,
            })
            .ToArray();
    }

    private sealed record TaskRow(long Id, long Year, string Code, string Category, string Content, string LeadUnit, string? Deadline,
        string DeadlineText, string ListType, long SortOrder, long? Continues, string? RetiredFrom);
}
