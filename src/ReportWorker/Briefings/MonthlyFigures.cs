using ReportWorker.Ledger;
using ReportWorker.Registry;
using ReportWorker.Periods;

namespace ReportWorker.Briefings;

/// <summary>
/// Every number a 月通报 states, computed from the ledger and nothing else, so the same ledger always
/// gives the same notice and a test can check each figure against an independent count.
/// </summary>
public sealed record MonthlyFigures(
    ReportMonth Month,
    TaskCounts Overall,
    IReadOnlyList<CategoryFigures> Categories,
    IReadOnlyList<UnitFigures> Units,
    Punctuality Punctuality,
    IReadOnlyList<TaskState> Lagging,
    IReadOnlyList<TaskState> Overdue,
    IReadOnlyList<TaskState> AllTasks)
{
    /// <summary>The tasks of earlier years still on the books (上年结转), counted in their categories too.</summary>
    public TaskCounts CarriedOver { get; init; } = TaskCounts.Of([], Month);
}

/// <summary>
/// Counts over a set of tasks at the end of the month. "Closable" tasks are those with a deadline:
/// standing tasks (长期坚持) never close, so they are left out of completion rates.
/// </summary>
public sealed record TaskCounts(int Total, int Closable, int ClosedThisMonth, int ClosedToDate, int OnSchedule, int Lagging, int Overdue, int NotReported)
{
    /// <summary>Closed to date as a share of closable tasks, in percent; 0 when nothing can close.</summary>
    public double CompletionRate => Closable == 0 ? 0 : Math.Round(100.0 * ClosedToDate / Closable, 1);

    public static TaskCounts Of(IReadOnlyCollection<TaskState> states, ReportMonth month) => new(
        states.Count,
        states.Count(s => !s.Task.IsStanding),
        states.Count(s => s.ClosedIn == month),
        states.Count(s => s.Closed),
        states.Count(s => !s.Closed && s.LastStatus == ReportStatus.OnSchedule),
        states.Count(s => s.Lagging),
        states.Count(s => s.Overdue),
        states.Count(s => !s.Closed && !s.ReportedThisMonth));
}

public sealed record CategoryFigures(string Code, string Name, TaskCounts Counts);

/// <summary>A unit's lead tasks, its report for the month, and its place in the ranking (1 = best).</summary>
public sealed record UnitFigures(Unit Unit, TaskCounts Counts, SubmissionState Submission, int Rank);


public sealed record Punctuality(IReadOnlyList<Unit> OnTime, IReadOnlyList<Unit> Late, IReadOnlyList<Unit> Missing);
