using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ReportWorker.Delivery;

namespace ReportWorker.Calendar;

/// <summary>
/// The daily look at how far the holiday data reaches. From <see cref="CalendarCoverage.WarnDays"/> days
/// before its end it logs a warning each day and e-mails the office once per missing year
/// (key <c>calendar-expiring/YEAR</c>), saying which year to add and how.
/// </summary>
public sealed class CalendarReminder(ReportingCalendar calendar, HolidayCalendarFile file, OutboxStore outbox, EmailTemplates templates,
    IOptions<OrganizationOptions> organization, ILogger<CalendarReminder> logger)
{
    public string Check(DateOnly day)
    {
        var coverage = calendar.WorkingDays.Coverage(day);
        var through = coverage.CoveredThrough is { } last ? ReportingCalendar.Chinese(last) : null;
        if (!coverage.Expiring) return $"节假日和调休数据到 {through}，无需提醒";
        CalendarLog.Expiring(logger, file.DataFile, coverage.CoveredThrough?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "(not even today)", coverage.MissingYear);
        var key = $"calendar-expiring/{coverage.MissingYear}";
        var (subject, html, text) = templates.Render("calendar-expiring", new
        {
            organization.Value.Office, Year = coverage.MissingYear, CoveredThrough = through ?? "", coverage.DaysLeft,
            DataFile = file.DataFile, Command = $"ReportWorker calendar add {coverage.MissingYear}年节假日安排.xlsx",
        });
        var queued = outbox.Enqueue(new OutgoingMessage(key, "calendar-expiring", null,
            [new Recipient(organization.Value.Office, organization.Value.OperatorEmail)], subject, html, text, []));
        if (queued) CalendarLog.ReminderQueued(logger, coverage.MissingYear, organization.Value.OperatorEmail, key);
        var state = through is null ? $"现在已只按周一至周五计算工作日" : $"数据只到 {through}";
        return $"{coverage.MissingYear}年的节假日安排尚未导入（{state}）；"
            + (queued ? $"已排队提醒邮件给 {organization.Value.OperatorEmail}" : "提醒邮件此前已排队，不再重发");
    }
}
