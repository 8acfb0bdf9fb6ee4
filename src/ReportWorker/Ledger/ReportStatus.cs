using ReportWorker.Text;

namespace ReportWorker.Ledger;

/// <summary>The four statuses a unit may report for a task, exactly as they appear on the form.</summary>
public static class ReportStatus
{
    public const string Completed = "已完成";
    public const string OnSchedule = "序时推进";
    public const string Lagging = "滞后";
    public const string NotStarted = "未启动";

    public static readonly IReadOnlyList<string> All = [Completed, OnSchedule, Lagging, NotStarted];

    /// <summary>Matches after removing stray spaces; nothing else is guessed.</summary>
    public static string? Normalize(string? text)
    {
        var bare = string.Concat(TextNormalizer.Clean(text).Where(c => !char.IsWhiteSpace(c)));
        return All.FirstOrDefault(s => s == bare);
    }

    public static bool IsLagging(string status) => status is Lagging or NotStarted;
}
