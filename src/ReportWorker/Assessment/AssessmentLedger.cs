using ReportWorker.Briefings;
using ReportWorker.Calendar;
using ReportWorker.Ledger;
using ReportWorker.Periods;
using ReportWorker.Registry;

namespace ReportWorker.Assessment;

/// <summary>
/// Gathers each unit's year from the ledger, by the same definitions <c>status</c>, the 月通报 and the 季督办
/// use, so the assessment agrees with what every unit was told month by month:
/// <list type="bullet">
/// <item>a month is owed when the unit has tasks on that month's books (<see cref="MonthlyReport"/>), the
/// unit was in the registry by then, and the ledger has reports for that month at all (a month before the
/// worker was in use counts against nobody);</item>
/// <item>the tasks are those the unit leads on December's books, as <see cref="TaskState"/> has them at the end of December;</item>
/// <item>the 督办事项 are those whose rectify-by date falls in the year (the fourth quarter's, due in January, count next year).</item>
/// </list>
/// With <c>asOf</c>, as the ledger stood at that moment (what an issued document was made from).
/// </summary>
public sealed class AssessmentLedger(
    RegistryStore registry, TaskBooks books, SubmissionStore submissions, SupervisionStore supervision, OfficeEntries office, ReportingCalendar calendar)
{
    public IReadOnlyList<UnitYear> Year(AssessmentScheme scheme, DateTimeOffset? asOf = null)
    {
        var year = scheme.Year;
        var units = registry.Units();
        var added = registry.AddedAt();
        var months = new Dictionary<string, List<MonthReport>>();
        for (var m = 1; m <= 12; m++)
        {
            var month = new ReportMonth(year, m);
            var inForce = submissions.InForce(month, asOf).ToDictionary(s => s.UnitCode);
            if (inForce.Count == 0) continue;
            var monthBooks = books.For(month, asOf);
            var due = calendar.DueAt(month);
            foreach (var unit in units)
            {
                if (added.TryGetValue(unit.Code, out var at) && ReportMonth.Of(calendar.ToLocal(at)) > month) continue;
                var state = MonthlyReport.StateOf(monthBooks.TasksOf(unit.Code).Any(), inForce.GetValueOrDefault(unit.Code));
                if (state == SubmissionState.NothingToReport) continue;
                var received = inForce.GetValueOrDefault(unit.Code)?.ReceivedAt is { } r ? calendar.ToLocal(r) : (DateTimeOffset?)null;
                (months.TryGetValue(unit.Code, out var list) ? list : months[unit.Code] = []).Add(new MonthReport(month, state, received, due));
            }
        }

        var december = new ReportMonth(year, 12);
        var decemberBooks = books.For(december, asOf);
        var items = Quarters(year).SelectMany(q => supervision.Load(q)).Where(i => i.RectifyBy.Year == year).ToArray();
        // An item's task may have left the books since (continued by this year's list, or retired): it is still judged.
        var offBooks = registry.TasksWithIds(items.Select(i => i.TaskId).Except(decemberBooks.Tasks.Select(t => t.Id)).Distinct().ToArray());
        var tasks = decemberBooks.Tasks.Concat(offBooks).ToArray();
        var from = new ReportMonth(tasks.Length == 0 ? year : Math.Min(year, tasks.Min(t => t.Year)), 1);
        var reports = submissions.EntriesThrough(december, asOf, from);
        var states = TaskState.Compute(tasks, reports, december).ToDictionary(s => s.Task.Id);
        // Whether an item's task was still reported lagging when its rectify-by month came: once per such month.
        var itemTasks = tasks.Where(t => items.Any(i => i.TaskId == t.Id)).ToArray();
        var atDeadline = items.Select(i => ReportMonth.Of(i.RectifyBy)).Distinct()
            .ToDictionary(m => m, m => TaskState.Compute(itemTasks, reports, m).ToDictionary(s => s.Task.Id));
        var onBooks = decemberBooks.Tasks.Select(t => states[t.Id]).ToLookup(s => s.Task.LeadUnit);
        var itemsByUnit = items.Where(i => states.ContainsKey(i.TaskId)).ToLookup(i => states[i.TaskId].Task.LeadUnit);
        var entries = office.Current(year, asOf).ToLookup(e => e.UnitCode);

        return units.Select(u => new UnitYear(u,
            months.GetValueOrDefault(u.Code) ?? [],
            onBooks[u.Code].Select(s => new TaskAtYearEnd(s.Task.Code, s.Task.Content, s.Task.DueText,
                s.Task.Deadline?.Year == year && !s.Task.CarriedOver, s.ClosedIn, s.Overdue)).ToArray(),
            itemsByUnit[u.Code].Select(i => new ItemOutcome(Number(i), i.TaskCode, SupervisionCalculator.Parse(i.Level), i.RectifyBy, states[i.TaskId].ClosedIn,
                ForOverdue(i, states[i.TaskId].Task), atDeadline[ReportMonth.Of(i.RectifyBy)][i.TaskId].Lagging)).ToArray(),
            entries[u.Code].ToArray())).ToArray();
    }

    // Raised for being past the deadline: the task was due by the end of the item's quarter.
    private static bool ForOverdue(StoredItem item, TaskItem task) =>
        task.Deadline is { } d && Quarter.TryParse(item.Quarter, out var q) && d <= q.LastDay;

    // The quarters whose items can fall due in the year: the last of the year before (rectified in January) to the third.
    private static IEnumerable<Quarter> Quarters(int year) => [new(year - 1, 4), new(year, 1), new(year, 2), new(year, 3), new(year, 4)];

    private static string Number(StoredItem item) =>
        Quarter.TryParse(item.Quarter, out var q) ? $"督〔{q.Year}〕Q{q.Number}-{item.Seq:D3}" : item.Quarter + "-" + item.Seq;
}
