using ReportWorker.Briefings;
using ReportWorker.Ledger;
using ReportWorker.Periods;
using ReportWorker.Registry;

namespace ReportWorker.Assessment;

/// <summary>
/// What the ledger says about one unit's year, gathered by <see cref="AssessmentLedger"/>: every fact a
/// point can be gained or lost on, each carrying what the documents print as its evidence.
/// </summary>
public sealed record UnitYear(
    Unit Unit,
    IReadOnlyList<MonthReport> Months,
    IReadOnlyList<TaskAtYearEnd> LedTasks,
    IReadOnlyList<ItemOutcome> Items,
    IReadOnlyList<OfficeEntry> OfficeEntries)
{
    /// <summary>Nothing to assess: no month owed and no task led (a unit with no tasks all year).</summary>
    public bool Assessed => Months.Count > 0 || LedTasks.Count > 0;
}

/// <summary>
/// A month the unit owed a report (<see cref="MonthlyReport"/>): on time, late or missing, as <c>status</c>
/// shows it. <paramref name="ReceivedAt"/> is when the report in force arrived; <paramref name="DueAt"/> its deadline.
/// </summary>
public sealed record MonthReport(ReportMonth Month, SubmissionState State, DateTimeOffset? ReceivedAt, DateTimeOffset DueAt);

/// <summary>
/// A task the unit led on December's books: <paramref name="DueInYear"/> when its deadline falls in the
/// year (it counts for the completion rate), <paramref name="OverdueAtYearEnd"/> when still open after it.
/// </summary>
public sealed record TaskAtYearEnd(string Code, string Content, string DeadlineText, bool DueInYear, ReportMonth? ClosedIn, bool OverdueAtYearEnd);

/// <summary>
/// A 督办事项 of the unit whose rectify-by date fell in the year. <paramref name="ForOverdue"/>: raised because the
/// task was past its deadline (only closing it rectifies that); otherwise raised for months of 滞后/未启动, which
/// stopping rectifies too (a standing task never closes). <paramref name="LaggingAtDeadline"/>: the lead unit's
/// last report by the deadline's month still said 滞后/未启动.
/// </summary>
public sealed record ItemOutcome(string Number, string TaskCode, Level Level, DateOnly RectifyBy, ReportMonth? ClosedIn, bool ForOverdue = true, bool LaggingAtDeadline = true)
{
    public bool ClosedInTime => ClosedIn is { } m && m <= ReportMonth.Of(RectifyBy);
    public bool Rectified => ClosedInTime || (!ForOverdue && !LaggingAtDeadline);
}

/// <summary>One line of the office's own entries for the year (加分, 扣分, or a veto), with its evidence and source row.</summary>
public sealed record OfficeEntry(string UnitCode, string Kind, double Points, string Reason, int Row)
{
    public const string Bonus = "加分";
    public const string Deduction = "扣分";
}
