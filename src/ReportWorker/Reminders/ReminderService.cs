using Microsoft.Extensions.Options;
using ReportWorker.Calendar;
using ReportWorker.Delivery;
using ReportWorker.Forms;
using ReportWorker.Ledger;
using ReportWorker.Registry;
using ReportWorker.Periods;

namespace ReportWorker.Reminders;

/// <summary>
/// One day's 催报. <paramref name="FormsNotSent"/>: the month's forms never went out from this worker, so nobody was
/// reminded. <paramref name="Forced"/>: what <c>--force</c> overrode (a day to come, or forms not sent), or null.
/// </summary>
public sealed record ReminderResult(DateOnly Day, ReportMonth? Month, int WorkingDaysLate, IReadOnlyList<Unit> Missing, int Queued, bool FormsNotSent = false, string? Forced = null)
{
    /// <summary>Set when a day the result depended on is in a year without holiday data: weekends alone were assumed.</summary>
    public string CalendarNote { get; init; } = "";

    public string Summary => (Month is not { } month
        ? $"{Day:yyyy-MM-dd}：无需催报"
        : FormsNotSent ? $"{month} 的月报表没有由本系统下发过（没有 form/{month}/… 邮件），不催报：催报是提醒已收到报表的单位。如报表已另行下发，可运行 run reminders --date {Day:yyyy-MM-dd} --force"
        : Missing.Count == 0 ? $"{month} 各单位均已报送，无需催报"
        : $"{month} 催报 {Missing.Count} 个单位（{string.Join("、", Missing.Select(u => u.ShortName))}），新排队 {Queued} 封")
        + (Forced is null ? "" : $"（{Forced}，已按 --force 强制催报）") + CalendarNote;
}

/// <summary>
/// 催报: on the due day and each working day after it (up to Reminders:MaxReminders), every unit with
/// tasks that has no accepted form for the month gets a reminder with its form attached again. A unit
/// that has sent an accepted form gets none. One reminder per unit per day, however often this runs.
/// Only for a month whose forms this worker sent (a form/{month}/… message was queued): a reminder says "your
/// form" and "due today", which is false for forms nobody received. A day still to come is refused.
/// <c>--force</c> overrides both.
/// </summary>
public sealed class ReminderService(
    TaskBooks books,
    SubmissionStore submissions,
    FormService forms,
    EmailTemplates email,
    OutboxStore outbox,
    ReportingCalendar calendar,
    IOptions<ReminderOptions> options,
    IOptions<OrganizationOptions> organization,
    IOptions<MailOptions> mail)
{
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public ReminderResult Remind(DateOnly day, bool force = false)
    {
        var result = RemindOn(day, force);
        // Whether today is a working day, the due day and the count of working days since all came from the calendar.
        var from = result.Month is { } month ? calendar.NominalDueDay(month) : day;
        return result with { CalendarNote = calendar.WeekendsOnlyNote(from, day) };
    }

    private ReminderResult RemindOn(DateOnly day, bool force)
    {
        var today = DateOnly.FromDateTime(calendar.Now.DateTime);
        var early = day > today;
        if (early && !force)
            throw new PeriodNotOpenException(
                $"催报日期{ReportingCalendar.Chinese(day)}还没到（今天是{ReportingCalendar.Chinese(today)}）：催报只在当天发出，提前发出的会对单位说错截止时间。" +
                "请检查 --date 是否写错；确需提前发出的，加 --force。", new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), calendar.Zone.GetUtcOffset(day.ToDateTime(TimeOnly.MinValue))));
        if (!calendar.WorkingDays.IsWorkingDay(day)) return new(day, null, 0, [], 0);
        // Due dates are in the month after the report month; with a long reminder window the one before that may still run.
        foreach (var month in new[] { ReportMonth.Of(day).Previous, ReportMonth.Of(day).Previous.Previous })
        {
            var due = calendar.DueAt(month);
            var dueDay = DateOnly.FromDateTime(due.DateTime);
            if (dueDay > day) continue;
            var late = WorkingDaysBetween(dueDay, day);
            if (late >= options.Value.MaxReminders) continue;
            var notSent = !forms.WereSent(month);
            if (notSent && !force) return new(day, month, late, [], 0, FormsNotSent: true);
            var missing = Missing(month);
            var queued = missing.Count(unit => Queue(unit, month, day, due, late, force));
            var forced = early ? $"催报日期{ReportingCalendar.Chinese(day)}还没到" : notSent ? "该月报表没有由本系统下发过" : null;
            return new(day, month, late, missing, queued, Forced: forced);
        }
        return new(day, null, 0, [], 0);
    }

    /// <summary>Units whose report for the month is missing (<see cref="MonthlyReport"/>) and who have a liaison to write to.</summary>
    public IReadOnlyList<Unit> Missing(ReportMonth month)
    {
        var index = books.For(month);
        var accepted = submissions.InForce(month).ToDictionary(s => s.UnitCode);
        return index.Units
            .Where(u => u.Liaisons.Count > 0
                && MonthlyReport.StateOf(index.TasksOf(u.Code).Any(), accepted.GetValueOrDefault(u.Code)) == SubmissionState.Missing)
            .ToArray();
    }

    private bool Queue(Unit unit, ReportMonth month, DateOnly day, DateTimeOffset due, int late, bool force)
    {
        var form = forms.Generate(month, unit.Code, null, send: false, force)[0];
        var fileName = Path.GetFileName(form.Path);
        var (subject, html, text) = email.Render("reminder", new
        {
            UnitName = unit.Name, MonthCn = month.ToChinese(), Due = ReportingCalendar.Chinese(due), WorkingDaysLate = late,
            form.TaskCount, FileName = fileName, ReplyTo = mail.Value.FromAddress, organization.Value.Office,
        });
        return outbox.Enqueue(new OutgoingMessage($"reminder/{month}/{unit.Code}/{day:yyyy-MM-dd}", "reminder", unit.Code,
            unit.Liaisons.Select(l => new Recipient(l.Name, l.Email)).ToArray(), subject, html, text,
            [new Attachment(fileName, Xlsx, File.ReadAllBytes(form.Path))]));
    }

    // 0 on the due day itself, 1 on the next working day, and so on.
    private int WorkingDaysBetween(DateOnly dueDay, DateOnly day)
    {
        var count = 0;
        for (var d = dueDay.AddDays(1); d <= day; d = d.AddDays(1))
            if (calendar.WorkingDays.IsWorkingDay(d)) count++;
        return count;
    }
}
