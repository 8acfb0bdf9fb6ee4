using ReportWorker.Ledger;
using ReportWorker.Registry;
using ReportWorker.Periods;

namespace ReportWorker.Briefings;

/// <summary>
/// Computes <see cref="MonthlyFigures"/> from plain inputs (no I/O, no clock).
/// Ranking rule, as the notice states it: completion rate (closed to date ÷ lead tasks with a
/// deadline) from high to low; then fewer overdue tasks; then fewer lagging tasks; then the registry
/// order. Units that lead no tasks are listed but not ranked (rank 0).
/// </summary>
public static class MonthlyFiguresCalculator
{
    public static MonthlyFigures Compute(
        ReportMonth month,
        IReadOnlyList<Unit> units,
        IReadOnlyList<TaskItem> tasks,
        IReadOnlyList<(ReportMonth Month, string UnitCode, ReportEntry Entry)> entriesThrough,
        IReadOnlyList<Submission> submissionsInForce,
        IReadOnlyDictionary<string, string> categoryNames)
    {
        var states = TaskState.Compute(tasks, entriesThrough, month);
        var byCategory = categoryNames
            .Select(c => new CategoryFigures(c.Key, c.Value, TaskCounts.Of(states.Where(s => s.Task.Category == c.Key).ToArray(), month)))
            .Where(c => c.Counts.Total > 0)
            .ToArray();

        var submissions = submissionsInForce.Where(s => s.Month == month.ToString()).ToDictionary(s => s.UnitCode);
        var involved = tasks.SelectMany(t => t.CoUnits.Append(t.LeadUnit)).ToHashSet();
        var led = states.ToLookup(s => s.Task.LeadUnit);
        var unitRows = units.Select(u =>
        {
            var counts = TaskCounts.Of(led[u.Code].ToArray(), month);
            var state = MonthlyReport.StateOf(involved.Contains(u.Code), submissions.GetValueOrDefault(u.Code));
            return (Unit: u, Counts: counts, State: state);
        }).ToArray();

        var ranked = unitRows.Where(r => r.Counts.Total > 0)
            .OrderByDescending(r => r.Counts.CompletionRate)
            .ThenBy(r => r.Counts.Overdue)
            .ThenBy(r => r.Counts.Lagging)
            .ThenBy(r => r.Unit.SortOrder).ThenBy(r => r.Unit.Code, StringComparer.Ordinal)
            .Select((r, i) => (r.Unit.Code, Rank: i + 1))
            .ToDictionary(r => r.Code, r => r.Rank);
        var unitFigures = unitRows
            .Select(r => new UnitFigures(r.Unit, r.Counts, r.State, ranked.GetValueOrDefault(r.Unit.Code)))
            .OrderBy(u => u.Rank == 0 ? int.MaxValue : u.Rank).ThenBy(u => u.Unit.SortOrder)
            .ToArray();

        return new MonthlyFigures(
            month,
            TaskCounts.Of(states, month),
            byCategory,
            unitFigures,
            new Punctuality(
                unitFigures.Where(u => u.Submission == SubmissionState.OnTime).Select(u => u.Unit).OrderBy(u => u.SortOrder).ToArray(),
                unitFigures.Where(u => u.Submission == SubmissionState.Late).Select(u => u.Unit).OrderBy(u => u.SortOrder).ToArray(),
                unitFigures.Where(u => u.Submission == SubmissionState.Missing).Select(u => u.Unit).OrderBy(u => u.SortOrder).ToArray()),
            states.Where(s => s.Lagging).ToArray(),
            states.Where(s => s.Overdue).ToArray(),
            states)
        {
            CarriedOver = TaskCounts.Of(states.Where(s => s.Task.CarriedOver).ToArray(), month),
        };
    }
}
