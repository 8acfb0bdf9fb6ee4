using System.Globalization;
using Microsoft.Extensions.Options;
using ReportWorker.Ledger;
using ReportWorker.Periods;

namespace ReportWorker.Calendar;

/// <summary>Local time in the committee's zone, and the due moment of each month's report.</summary>
public sealed class ReportingCalendar(TimeProvider clock, IOptions<OrganizationOptions> organization, IOptions<ReportingOptions> reporting, HolidayCalendarFile holidays)
{
    private readonly WorkingCalendar workingDays = holidays.Calendar;

    public TimeZoneInfo Zone { get; } = TimeZoneInfo.FindSystemTimeZoneById(organization.Value.TimeZone);

    public DateTimeOffset Now => TimeZoneInfo.ConvertTime(clock.GetUtcNow(), Zone);
    public DateTimeOffset ToLocal(DateTimeOffset time) => TimeZoneInfo.ConvertTime(time, Zone);
    public WorkingCalendar WorkingDays => workingDays;

    /// <summary>Day DueDay of the following month at DueTime, moved to the next working day.</summary>
    public DateTimeOffset DueAt(ReportMonth month)
    {
        var day = workingDays.OnOrAfter(month.Next.FirstDay.AddDays(reporting.Value.DueDay - 1));
        var time = TimeOnly.ParseExact(reporting.Value.DueTime, "HH:mm", CultureInfo.InvariantCulture);
        var local = day.ToDateTime(time);
        return new DateTimeOffset(local, Zone.GetUtcOffset(local));
    }

    public static string Chinese(DateTimeOffset local) => $"{local.Year}年{local.Month}月{local.Day}日 {local:HH:mm}";
    public static string Chinese(DateOnly date) => $"{date.Year}年{date.Month}月{date.Day}日";
}
