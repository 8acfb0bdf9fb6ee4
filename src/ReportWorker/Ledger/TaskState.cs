using ReportWorker.Registry;
using ReportWorker.Periods;

namespace ReportWorker.Ledger;

/// <summary>
/// A task's standing in the ledger at the end of a month, derived from the reports in force:
/// 挂账 (open) until its lead unit reports 已完成, then 已销号 with the month it closed. Reports are
/// matched to the task by id, so a carried-over task keeps its history from the year it came from.
/// </summary>
public sealed record TaskState(
    TaskItem Task,
    bool Closed,
    ReportMonth? ClosedIn,
    string? LastStatus,
    double? LastPercent,
    ReportMonth? LastReported,
    bool ReportedThisMonth,
    bool Overdue,
    bool Lagging,
    int LaggingMonthsRunning,
    string? LastProgress = null)
{
    public static IReadOnlyList<TaskState> Compute(IEnumerable<TaskItem> tasks, IReadOnlyList<(ReportMonth Month, string UnitCode, ReportEntry Entry)> entries, ReportMonth month)
    {
        var byTask = entries.Where(e => e.Month <= month).ToLookup(e => e.Entry.TaskId);
        return tasks.Select(task =>
        {
            // The lead unit speaks for the task; co-units' rows are their own contribution.
            var lead = byTask[task.Id].Where(e => e.UnitCode == task.LeadUnit).OrderBy(e => e.Month).ToArray();
            var closing = lead.FirstOrDefault(e => e.Entry.Status == ReportStatus.Completed);
            var closed = closing.Entry is not null;
            var last = lead.LastOrDefault();
            var reportedThisMonth = last.Entry is not null && last.Month == month;
            var overdue = !closed && task.Deadline is { } d && d <= month.LastDay;
            var lagging = !closed && last.Entry is not null && ReportStatus.IsLagging(last.Entry.Status);
            var running = 0;
            for (var m = month; !closed; m = m.Previous)
            {
                var e = lead.FirstOrDefault(x => x.Month == m);
                if (e.Entry is null || !ReportStatus.IsLagging(e.Entry.Status)) break;
                running++;
            }
            return new TaskState(task, closed, closed ? closing.Month : null, last.Entry?.Status, last.Entry?.Percent,
                last.Entry is null ? null : last.Month, reportedThisMonth, overdue, lagging, running, last.Entry?.Progress);
        }).ToArray();
    }
}
