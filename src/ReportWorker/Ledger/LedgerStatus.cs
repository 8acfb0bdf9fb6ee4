using ReportWorker.Calendar;
using ReportWorker.Registry;
using ReportWorker.Periods;

namespace ReportWorker.Ledger;

public sealed record UnitMonthStatus(Unit Unit, int TaskCount, Submission? Submission, int Versions, IReadOnlyDictionary<string, int> StatusCounts)
{
    public SubmissionState State => MonthlyReport.StateOf(TaskCount > 0, Submission);
}

public sealed record MonthStatus(
    ReportMonth Month,
    DateTimeOffset DueAt,
    IReadOnlyList<TaskState> Tasks,
    IReadOnlyList<UnitMonthStatus> Units,
    int Year = 0,
    bool HasList = true)
{
    public int CarriedOver => Tasks.Count(t => t.Task.CarriedOver);
    public int ClosedToDate => Tasks.Count(t => t.Closed);
    public int ClosedThisMonth => Tasks.Count(t => t.ClosedIn == Month);
    public int Open => Tasks.Count(t => !t.Closed);
    public int Overdue => Tasks.Count(t => t.Overdue);
    public int Lagging => Tasks.Count(t => t.Lagging);
    public IEnumerable<UnitMonthStatus> Missing => Units.Where(u => u.State == SubmissionState.Missing);
    public IEnumerable<UnitMonthStatus> Late => Units.Where(u => u.State == SubmissionState.Late);
    public IEnumerable<UnitMonthStatus> OnTime => Units.Where(u => u.State == SubmissionState.OnTime);
}

/// <summary>The ledger for one month: each task's state and each unit's report.</summary>
public sealed class LedgerStatus(TaskBooks books, SubmissionStore submissions, ReportingCalendar calendar)
{
    public MonthStatus For(ReportMonth month)
    {
        var index = books.For(month);
        var entries = submissions.EntriesThrough(month, from: FirstMonth(index));
        var states = TaskState.Compute(index.Tasks, entries, month);
        var inForce = submissions.InForce(month).ToDictionary(s => s.UnitCode);
        // Grouped once: a scan of every entry for each unit grows with units × entries.
        var thisMonth = entries.Where(e => e.Month == month).ToLookup(e => e.UnitCode);
        var units = index.Units.Select(u =>
        {
            inForce.TryGetValue(u.Code, out var s);
            var counts = thisMonth[u.Code].GroupBy(e => e.Entry.Status).ToDictionary(g => g.Key, g => g.Count());
            return new UnitMonthStatus(u, index.TasksOf(u.Code).Count(), s, s is null ? 0 : submissions.History(u.Code, month).Count, counts);
        }).ToArray();
        return new MonthStatus(month, calendar.DueAt(month), states, units, index.Year, index.HasList);
    }

    /// <summary>The first month whose reports can matter to these books: January of the oldest year on them.</summary>
    public static ReportMonth FirstMonth(RegistryIndex books) =>
        new(books.Tasks.Count == 0 ? books.Year : Math.Min(books.Year, books.Tasks.Min(t => t.Year)), 1);
}
