using ReportWorker.Registry;

namespace ReportWorker.Samples;

/// <summary>
/// The province's 2026 list, for trying a year's rollover on the demo ledger: most 2025 tasks are issued
/// again word for word (they continue), some with new wording and 接续上年任务 filled in, some codes are
/// reused for other work, every third task is dropped (the open ones are carried over as 上年结转), and
/// each category gets a new task. Written without the random source, so the 2025 files stay as they were.
/// </summary>
internal static class NextYearList
{
    public static IReadOnlyList<IReadOnlyList<object?>> Rows(IReadOnlyList<(TaskItem Task, object Deadline)> tasks, Func<string, int, string> name)
    {
        var rows = new List<IReadOnlyList<object?>>();
        foreach (var (task, deadline) in tasks.Where(t => t.Task.SortOrder % 3 != 0))
        {
            var moved = deadline switch
            {
                DateOnly d => (object)d.AddYears(1),
                string text => text.Replace("2025", "2026", StringComparison.Ordinal),
                var other => other,
            };
            var (content, continues) = task.SortOrder % 7 == 0 ? ($"{task.Content[..Math.Min(6, task.Content.Length)]}成效评估和经验总结", "")  // the code, reused for other work
                : task.SortOrder % 5 == 0 ? (task.Content + "（2026年深化提升）", task.Code)                                                   // reworded, continuing
                : (task.Content, "");                                                                                                           // the same task again
            rows.Add([task.Code, task.Category, content, name(task.LeadUnit, task.SortOrder),
                string.Join("、", task.CoUnits.Select((c, i) => name(c, i + task.SortOrder))), moved, task.ListType, continues]);
        }
        foreach (var (letter, lead) in tasks.GroupBy(t => t.Task.Category).Select(g => (g.Key, g.First().Task.LeadUnit)))
        {
            var next = tasks.Count(t => t.Task.Category == letter) + 1;
            rows.Add([$"{letter}-{next:D3}", letter, "贯彻落实2026年省直机关党的建设工作会议部署", name(lead, next), "", "2026年11月底", TaskItem.AnnualKey, ""]);
        }
        return rows;
    }
}
