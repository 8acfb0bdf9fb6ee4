using ReportWorker.Calendar;
using ReportWorker.Periods;

namespace ReportWorker.Briefings;

/// <summary>
/// When a briefing may be issued: once the forms of its last month are due (<see cref="ReportingCalendar.DueAt"/>:
/// day Reporting:DueDay of the next month at DueTime, moved to a working day). The 月通报 for March waits for
/// March's forms; the 季督办 for the first quarter waits for March's too. Issued earlier, it would name every
/// unit still within its time as not reporting, and take the year's next issue number for good. A preview
/// issues nothing and may be made at any time.
/// </summary>
internal static class IssueRule
{
    /// <summary>
    /// Throws <see cref="PeriodNotOpenException"/> while the forms are not yet due, unless <paramref name="force"/>d;
    /// returns whether the briefing is being issued before they are due (so the caller can say it was forced).
    /// </summary>
    public static bool Check(ReportingCalendar calendar, string briefing, string period, ReportMonth lastMonth, string previewCommand, bool force, bool usesNumber = true)
    {
        var due = calendar.DueAt(lastMonth);
        var now = calendar.Now;
        if (now >= due) return false;
        if (force) return true;
        throw new PeriodNotOpenException(
            $"{period}的{briefing}现在还不能印发：{lastMonth.ToChinese()}的月报表{ReportingCalendar.Chinese(calendar.ToLocal(due))}才截止（现在是{ReportingCalendar.Chinese(now)}），" +
            $"截止前印发会把仍在期限内的单位算作未报送{(usesNumber ? "，并用掉一个期号" : "")}。请在截止以后再生成；确需提前印发的，加 --force；只想先看看，用 {previewCommand} 生成草稿。", due);
    }

    /// <summary>The moment the briefing may be issued.</summary>
    public static DateTimeOffset OpensAt(ReportingCalendar calendar, ReportMonth lastMonth) => calendar.ToLocal(calendar.DueAt(lastMonth));
}
