using ReportWorker.Calendar;
using ReportWorker.Ledger;
using ReportWorker.Periods;

namespace ReportWorker.Briefings;

/// <summary>A 督办事项 as stored: its number in the quarter, its task (by id, and by the code the quarter showed), its level and deadline.</summary>
public sealed record StoredItem(string Quarter, int Seq, long TaskId, string TaskCode, string Level, string Reason, DateOnly RectifyBy);

/// <summary>
/// Decides the quarter's 督办事项 (no I/O): every open task that is overdue at quarter end, or has been
/// reported 滞后/未启动 for <see cref="SupervisionOptions.LaggingMonths"/> months running. Levels:
/// 蓝 the first time; 黄 when overdue or already an item last quarter; 红 when overdue by more than
/// <see cref="SupervisionOptions.RedAfterOverdueDays"/> days or an item two quarters running (one
/// level above last quarter's, at most 红). Items already stored for the quarter keep their number and
/// level; new ones are numbered after them.
/// </summary>
public static class SupervisionCalculator
{
    public static (QuarterFigures Figures, IReadOnlyList<StoredItem> NewItems) Compute(
        Quarter quarter,
        IReadOnlyList<TaskState> statesAtQuarterEnd,
        IReadOnlyList<StoredItem> storedThisQuarter,
        IReadOnlyList<StoredItem> storedPreviousQuarter,
        SupervisionOptions options,
        WorkingCalendar calendar,
        DateOnly? issued = null)
    {
        // Days overdue are told as of the day the 季督办 is issued, the day its readers read them; the level
        // is decided as of the quarter's end, so an item keeps its level however late the notice goes out.
        var asOf = issued is { } day && day > quarter.LastDay ? day : quarter.LastDay;
        // By task id: across a year a carried-over task changes its code (A-001 → 2025-A-001), and a new task may take the old one.
        var byTask = statesAtQuarterEnd.ToDictionary(s => s.Task.Id);
        var previous = storedPreviousQuarter.ToDictionary(i => i.TaskId);
        var stored = storedThisQuarter.ToDictionary(i => i.TaskId);
        var rectifyBy = calendar.OnOrAfter(quarter.LastDay.AddDays(options.RectifyWithinDays));
        var nextSeq = storedThisQuarter.Count == 0 ? 1 : storedThisQuarter.Max(i => i.Seq) + 1;
        var newItems = new List<StoredItem>();
        var items = new List<SupervisionItem>();

        SupervisionItem? PreviousItem(long task) => previous.TryGetValue(task, out var p) && byTask.TryGetValue(task, out var s)
            ? new SupervisionItem(quarter.Previous, p.Seq, s, Parse(p.Level), p.Reason, p.RectifyBy, null) : null;

        foreach (var state in statesAtQuarterEnd.OrderBy(s => s.Task.SortOrder).ThenBy(s => s.Task.Code, StringComparer.Ordinal))
        {
            if (stored.TryGetValue(state.Task.Id, out var kept))
            {
                items.Add(new SupervisionItem(quarter, kept.Seq, state, Parse(kept.Level), kept.Reason, kept.RectifyBy, PreviousItem(state.Task.Id)));
                continue;
            }
            var lagging = state.LaggingMonthsRunning >= options.LaggingMonths;
            if (state.Closed || !(state.Overdue || lagging)) continue;
            var overdueDays = state.Task.Deadline is { } d ? quarter.LastDay.DayNumber - d.DayNumber : 0;
            var level = state.Overdue ? (overdueDays > options.RedAfterOverdueDays ? Level.Red : Level.Yellow) : Level.Blue;
            if (previous.TryGetValue(state.Task.Id, out var before))
                level = (Level)Math.Max((int)level, Math.Min((int)Parse(before.Level) + 1, (int)Level.Red));
            var daysLate = state.Task.Deadline is { } due ? asOf.DayNumber - due.DayNumber : 0;
            var late = daysLate > 0 ? $"截至{ReportingCalendar.Chinese(asOf)}已超过完成时限（{state.Task.DueText}）{daysLate}天" : $"完成时限（{state.Task.DueText}）已到";
            var reason = state.Overdue && lagging ? $"{late}仍未完成，且连续{state.LaggingMonthsRunning}个月报告滞后或未启动"
                : state.Overdue ? $"{late}仍未完成"
                : $"连续{state.LaggingMonthsRunning}个月报告滞后或未启动";
            var item = new StoredItem(quarter.ToString(), nextSeq++, state.Task.Id, state.Task.Code, SupervisionItem.Word(level), reason, rectifyBy);
            newItems.Add(item);
            items.Add(new SupervisionItem(quarter, item.Seq, state, level, reason, rectifyBy, PreviousItem(state.Task.Id)));
        }

        var itemByTask = items.ToDictionary(i => i.State.Task.Id);
        var followUps = storedPreviousQuarter.OrderBy(p => p.Seq).Select(p =>
        {
            var number = new SupervisionItem(quarter.Previous, p.Seq, null!, Parse(p.Level), p.Reason, p.RectifyBy, null).Number;
            var closedIn = byTask.TryGetValue(p.TaskId, out var s) && s.Closed ? s.ClosedIn : null;
            return new FollowUp(number, p.TaskCode, Parse(p.Level), closedIn, itemByTask.GetValueOrDefault(p.TaskId));
        }).ToArray();
        return (new QuarterFigures(quarter, items.OrderBy(i => i.Seq).ToArray(), followUps), newItems);
    }

    public static Level Parse(string word) => word switch { "红" => Level.Red, "黄" => Level.Yellow, _ => Level.Blue };
}
