using System.Globalization;
using Microsoft.Extensions.Options;
using ReportWorker.Periods;

namespace ReportWorker.Calendar;

/// <summary>Local time in the committee's zone, and the due moment of each month's report.</summary>
public sealed class ReportingCalendar(TimeProvider clock, IOptions<OrganizationOptions> organization, IOptions<ReportingOptions> reporting, HolidayCalendarFile holidays)
{
    public TimeZoneInfo Zone { get; } = TimeZoneInfo.FindSystemTimeZoneById(organization.Value.TimeZone);

    public DateTimeOffset Now => TimeZoneInfo.ConvertTime(clock.GetUtcNow(), Zone);
    public DateOnly Today => DateOnly.FromDateTime(Now.DateTime);
    public DateTimeOffset ToLocal(DateTimeOffset time) => TimeZoneInfo.ConvertTime(time, Zone);

    /// <summary>The working days as the data file says now (it is read again after <c>calendar add</c>).</summary>
    public WorkingCalendar WorkingDays => holidays.Calendar;

    /// <summary>Day DueDay of the following month at DueTime, moved to the next working day.</summary>
    public DateTimeOffset DueAt(ReportMonth month)
    {
        var day = WorkingDays.OnOrAfter(NominalDueDay(month));
        var time = TimeOnly.ParseExact(reporting.Value.DueTime, "HH:mm", CultureInfo.InvariantCulture);
        var local = day.ToDateTime(time);
        return new DateTimeOffset(local, Zone.GetUtcOffset(local));
    }

    /// <summary>"" when the month's due day was moved with known holidays; otherwise a note that weekends alone were assumed.</summary>
    public string DueNote(ReportMonth month) => WeekendsOnlyNote(NominalDueDay(month), DateOnly.FromDateTime(DueAt(month).DateTime));

    /// <summary>
    /// "" when every day from <paramref name="from"/> to <paramref name="to"/> is in a year with holiday data;
    /// otherwise a note, for a job summary or a command's output, that weekends alone were assumed.
    /// </summary>
    public string WeekendsOnlyNote(DateOnly from, DateOnly to) =>
        WorkingDays.UncoveredYears(from, to) is { Count: > 0 } years
            ? $"（注意：{string.Join("、", years)}年的节假日和调休尚未导入，只按周一至周五算作工作日；请用 calendar add 导入）"
            : "";

    /// <summary>Day DueDay of the following month, before any move off a holiday.</summary>
    public DateOnly NominalDueDay(ReportMonth month) => month.Next.FirstDay.AddDays(reporting.Value.DueDay - 1);

    public static string Chinese(DateTimeOffset local) => $"{local.Year}年{local.Month}月{local.Day}日 {local:HH:mm}";
    public static string Chinese(DateOnly date) => $"{date.Year}年{date.Month}月{date.Day}日";
}
