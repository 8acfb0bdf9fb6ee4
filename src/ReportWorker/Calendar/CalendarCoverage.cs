namespace ReportWorker.Calendar;

/// <summary>
/// How far the holiday data reaches from a day: through <see cref="CoveredThrough"/> (null: not even
/// today is covered), and the first year it lacks. From <see cref="WarnDays"/> days before the end, the
/// worker warns at start-up, in <c>jobs</c>, and once by e-mail.
/// </summary>
public sealed record CalendarCoverage(DateOnly Today, DateOnly? CoveredThrough, int MissingYear)
{
    public const int WarnDays = 60;

    public bool Expiring => CoveredThrough is not { } last || Today >= last.AddDays(-WarnDays);

    public int DaysLeft => CoveredThrough is { } last ? last.DayNumber - Today.DayNumber + 1 : 0;

    /// <summary>One line for <c>jobs</c> and <c>calendar</c>, in Chinese; empty when there is nothing to say.</summary>
    public string Warning => !Expiring ? ""
        : CoveredThrough is { } last
            ? $"注意：节假日和调休数据只到 {ReportingCalendar.Chinese(last)}（还剩 {DaysLeft} 天），{MissingYear}年的放假安排尚未导入；到时将只按周一至周五计算工作日。"
              + $"请按国务院办公厅《关于{MissingYear}年部分节假日安排的通知》整理文件，运行 ReportWorker calendar add 文件 导入（格式见 ReportWorker calendar add --help）。"
            : $"注意：{MissingYear}年的节假日和调休尚未导入，现在只按周一至周五计算工作日（春节等假期照常催报、截止时间不顺延）。"
              + $"请按国务院办公厅《关于{MissingYear}年部分节假日安排的通知》整理文件，运行 ReportWorker calendar add 文件 导入（格式见 ReportWorker calendar add --help）。";
}
