using Microsoft.Extensions.Logging;

namespace ReportWorker.Calendar;

/// <summary>
/// At the service's start: reads the holiday data (seeding the data folder the first time, so a broken
/// file stops the start with its name) and warns in the log when the next year is missing. It runs once
/// every service has started, so it never delays the scheduler. Commands build the host without starting
/// it, so they print their own warnings instead.
/// </summary>
internal sealed class CalendarStartupWarning(ReportingCalendar calendar, HolidayCalendarFile file, ILogger<CalendarStartupWarning> logger) : Hosting.StartedHook
{
    public override Task StartedAsync(CancellationToken ct)
    {
        var coverage = calendar.WorkingDays.Coverage(calendar.Today);
        if (coverage.Expiring)
            CalendarLog.Expiring(logger, file.DataFile, coverage.CoveredThrough?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "(not even today)", coverage.MissingYear);
        return Task.CompletedTask;
    }
}
