namespace ReportWorker.Calendar;

/// <summary>
/// China's working days: Monday to Friday, minus public holidays, plus the make-up working days
/// (调休) that fall on weekends. It knows which years it has data for: a day in any other year is
/// judged by the weekend alone, and <see cref="UncoveredYears"/> lets every result that relied on
/// such a day say so.
/// </summary>
public sealed class WorkingCalendar
{
    private readonly HashSet<DateOnly> _holidays;
    private readonly HashSet<DateOnly> _workdays;

    public WorkingCalendar(IEnumerable<HolidayYear> years)
    {
        Years = [.. years.OrderBy(y => y.Year)];
        _holidays = [.. Years.SelectMany(y => y.Holidays)];
        _workdays = [.. Years.SelectMany(y => y.Workdays)];
        Covered = [.. Years.Select(y => y.Year)];
    }

    public static WorkingCalendar WeekdaysOnly { get; } = new([]);

    /// <summary>The years the holiday data covers, oldest first.</summary>
    public IReadOnlyList<HolidayYear> Years { get; }

    private HashSet<int> Covered { get; }

    public bool IsWorkingDay(DateOnly date) =>
        _workdays.Contains(date) || (!_holidays.Contains(date) && date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday));

    /// <summary>The date itself if it is a working day, otherwise the next one.</summary>
    public DateOnly OnOrAfter(DateOnly date)
    {
        while (!IsWorkingDay(date)) date = date.AddDays(1);
        return date;
    }

    public bool Covers(DateOnly date) => Covered.Contains(date.Year);

    /// <summary>The years between the two dates (inclusive, either order) that have no holiday data.</summary>
    public IReadOnlyList<int> UncoveredYears(DateOnly from, DateOnly to)
    {
        var (a, b) = from <= to ? (from.Year, to.Year) : (to.Year, from.Year);
        return [.. Enumerable.Range(a, b - a + 1).Where(y => !Covered.Contains(y))];
    }

    /// <summary>How far the data reaches from <paramref name="today"/>, and whether it is time to add the next year.</summary>
    public CalendarCoverage Coverage(DateOnly today)
    {
        if (!Covers(today)) return new CalendarCoverage(today, null, today.Year);
        var last = today.Year;
        while (Covered.Contains(last + 1)) last++;
        return new CalendarCoverage(today, new DateOnly(last, 12, 31), last + 1);
    }

    /// <summary>Reads a holidays.json directly (benchmarks and tests; the worker goes through <see cref="HolidayCalendarFile"/>).</summary>
    public static WorkingCalendar Load(string path) =>
        File.Exists(path) ? new WorkingCalendar(HolidayJson.Read(path, path)) : WeekdaysOnly;
}
