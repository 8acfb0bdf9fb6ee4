using ReportWorker.Periods;
using ReportWorker.Registry;

namespace ReportWorker.Ledger;

/// <summary>
/// Which tasks are on the books (挂账) for a month: that year's list, less what the office retired from
/// an earlier month, plus every task of an earlier year that was still open when its year ended
/// (上年结转), until the list of a later year says which task carries it on or the office retires it.
/// A task of an earlier year is open at the end of it unless its lead unit had reported it 已完成 by
/// then; a standing task (长期坚持) belongs to its year only. The rules are in the README.
/// <para>
/// The books are cached per month and rebuilt only when the registry changes (an import or a
/// retirement) or a report for an earlier year arrives (it may close a task that would carry over).
/// With <c>asOf</c>, they are built as the ledger stood then (what an issued briefing was made from).
/// </para>
/// </summary>
public sealed class TaskBooks(RegistryStore registry, SubmissionStore submissions)
{
    private sealed record Key(long Registry, long EarlierReports, ReportMonth Month);
    private readonly Lock _lock = new();
    private (Key Key, RegistryIndex Books)? _last;

    public RegistryIndex For(ReportMonth month, DateTimeOffset? asOf = null)
    {
        if (asOf is not null) return Build(month, asOf);
        var key = new Key(registry.Version(), submissions.ChangesBefore(month.Year), month);
        lock (_lock)
            if (_last is { } last && last.Key == key) return last.Books;
        var books = Build(month, null);
        lock (_lock) _last = (key, books);
        return books;
    }

    /// <summary>
    /// The month's books for a run that needs its year's list: refused (<see cref="TaskListMissingException"/>)
    /// when the list has not been imported, unless <paramref name="force"/>d (then only carried-over tasks count).
    /// <paramref name="rerun"/> is the command that does the run once the list is in: the message says both.
    /// </summary>
    public RegistryIndex Require(ReportMonth month, string what, string rerun, bool force, DateTimeOffset? asOf = null)
    {
        registry.RequireUnits();
        var books = For(month, asOf);
        if (books.HasList || force) return books;
        var carried = books.CarriedOver;
        throw new TaskListMissingException(month.Year,
            $"{month.Year}年度任务清单还没有导入，{month.ToChinese()}的{what}要按当年的清单办理。" +
            $"请先运行 import tasks 清单文件 --year {month.Year} 导入清单，再运行 {rerun} 补办" +
            (carried > 0 ? $"；确需只按上年结转的 {carried} 项任务办理的，加 --force。" : "。"));
    }

    private RegistryIndex Build(ReportMonth month, DateTimeOffset? asOf)
    {
        var own = registry.TasksOfYear(month.Year);
        var closed = submissions.ClosedBefore(month.Year, asOf);
        var carried = registry.CarryOverCandidates(month.Year)
            .Where(t => !closed.Contains(t.Id) && OnBooks(t, month))
            .Select(t => t.CarriedInto());
        return new RegistryIndex(registry.Units(), [.. own.Where(t => OnBooks(t, month)), .. carried], month.Year, own.Count > 0);
    }

    private static bool OnBooks(TaskItem task, ReportMonth month) =>
        task.RetiredFrom is null || string.CompareOrdinal(month.ToString(), task.RetiredFrom) < 0;
}
