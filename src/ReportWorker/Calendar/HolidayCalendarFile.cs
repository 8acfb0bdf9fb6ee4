using ReportWorker.Storage;

namespace ReportWorker.Calendar;

/// <summary>The holidays and make-up working days (调休) the worker knows, read once from templates/calendar/holidays.json.</summary>
public sealed class HolidayCalendarFile(DataPaths paths)
{
    private readonly Lazy<WorkingCalendar> _calendar = new(() => WorkingCalendar.Load(Path.Combine(paths.Templates, "calendar", "holidays.json")));

    public WorkingCalendar Calendar => _calendar.Value;
}
