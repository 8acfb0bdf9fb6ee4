using System.Text.Json;

namespace ReportWorker.Calendar;

/// <summary>
/// China's working days: Monday to Friday, minus public holidays, plus the make-up working days
/// (调休) that fall on weekends, from templates/calendar/holidays.json. A year the file does not
/// cover falls back to plain weekdays.
/// </summary>
public sealed class WorkingCalendar
{
    private readonly HashSet<DateOnly> _holidays;
    private readonly HashSet<DateOnly> _workdays;

    public WorkingCalendar(IEnumerable<DateOnly> holidays, IEnumerable<DateOnly> workdays)
    {
        _holidays = [.. holidays];
        _workdays = [.. workdays];
    }

    public static WorkingCalendar WeekdaysOnly { get; } = new([], []);

    public bool IsWorkingDay(DateOnly date) =>
        _workdays.Contains(date) || (!_holidays.Contains(date) && date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday));

    /// <summary>The date itself if it is a working day, otherwise the next one.</summary>
    public DateOnly OnOrAfter(DateOnly date)
    {
        while (!IsWorkingDay(date)) date = date.AddDays(1);
        return date;
    }

    public static WorkingCalendar Load(string path)
    {
        if (!File.Exists(path)) return WeekdaysOnly;
        using var doc = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        var holidays = new List<DateOnly>();
        var workdays = new List<DateOnly>();
        foreach (var year in doc.RootElement.GetProperty("years").EnumerateObject())
        {
            if (year.Value.TryGetProperty("holidays", out var h)) holidays.AddRange(h.EnumerateArray().Select(Date));
            if (year.Value.TryGetProperty("workdays", out var w)) workdays.AddRange(w.EnumerateArray().Select(Date));
        }
        return new WorkingCalendar(holidays, workdays);
    }

    private static DateOnly Date(JsonElement e) => DateOnly.ParseExact(e.GetString()!, "yyyy-MM-dd");
}
