namespace ReportWorker.Calendar;

/// <summary>
/// One year of the State Council's holiday arrangement (国务院办公厅关于部分节假日安排的通知): the days off,
/// by festival, and the make-up working days (调休上班) that fall on weekends. <see cref="Source"/> says where
/// the year came from (the shipped file, or the file given to <c>calendar add</c>).
/// </summary>
public sealed record HolidayYear(int Year, IReadOnlyList<Festival> Festivals, IReadOnlyList<DateOnly> Workdays, string Source)
{
    public IEnumerable<DateOnly> Holidays => Festivals.SelectMany(f => f.Days);

    public HolidayYear WithSource(string source) => this with { Source = source };
}

/// <summary>A festival's days off, e.g. 春节 2026-02-15 … 2026-02-23. A joined break has a joined name (国庆节、中秋节).</summary>
public sealed record Festival(string Name, IReadOnlyList<DateOnly> Days)
{
    /// <summary>"2月15日—23日", "1月1日", "9月28日—10月8日" (runs of consecutive days joined).</summary>
    public string Describe() => string.Join("、", Runs(Days).Select(r => Span(r.First, r.Last)));

    internal static IEnumerable<(DateOnly First, DateOnly Last)> Runs(IEnumerable<DateOnly> days)
    {
        DateOnly? first = null, last = null;
        foreach (var day in days.Order())
        {
            if (last is { } l && day == l.AddDays(1)) { last = day; continue; }
            if (first is { } f) yield return (f, last!.Value);
            first = last = day;
        }
        if (first is { } a) yield return (a, last!.Value);
    }

    private static string Span(DateOnly first, DateOnly last) =>
        first == last ? $"{first.Month}月{first.Day}日"
        : first.Month == last.Month ? $"{first.Month}月{first.Day}日—{last.Day}日"
        : $"{first.Month}月{first.Day}日—{last.Month}月{last.Day}日";
}
