using System.Globalization;
using System.Text.RegularExpressions;
using ReportWorker.Spreadsheets;
using ReportWorker.Text;

namespace ReportWorker.Calendar;

/// <summary>
/// The 日期 cell of a holiday file, as an office types it from the notice: 2027-02-05, 2027/2/5, 2027年2月5日,
/// an Excel date, a range (2027-02-05至2027-02-13, 2027年2月5日至13日), or several dates (2027-01-31、2027-02-20).
/// A weekday in brackets, as the notice writes it (2月14日（周六）), is ignored. Without a year, the
/// year given with --year is used.
/// </summary>
public static partial class HolidayDates
{
    // The longest break the State Council has given is 10 days (春节 2025 was 8, 国庆 2025 was 8).
    private const int LongestRange = 16;

    public static bool TryParse(CellValue? cell, int? year, out IReadOnlyList<DateOnly> days, out string problem)
    {
        days = [];
        problem = "";
        if (cell is { IsDate: true, Number: { } serial })
        {
            days = [DateOnly.FromDateTime(DateTime.FromOADate(serial))];
            return true;
        }
        var text = Bracketed().Replace(TextNormalizer.Clean(cell?.Text), "");
        if (text.Length == 0) { problem = "日期为空。请填写日期，例如 2027-02-05，或 2027-02-05至2027-02-13。"; return false; }
        var list = new List<DateOnly>();
        foreach (var part in text.Split(['、', '，', ',', '；', ';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var ends = RangeSeparator().Split(part, 2);
            if (!TryDate(ends[0], year, null, out var first, out problem)) return false;
            if (ends.Length == 1) { list.Add(first); continue; }
            if (!TryDate(ends[1], first.Year, first, out var last, out problem)) return false;
            if (last < first) { problem = $"“{part}”的结束日期早于开始日期。请写成“开始日期至结束日期”。"; return false; }
            if (last.DayNumber - first.DayNumber >= LongestRange) { problem = $"“{part}”跨了 {last.DayNumber - first.DayNumber + 1} 天，不像一次放假。请核对日期。"; return false; }
            for (var d = first; d <= last; d = d.AddDays(1)) list.Add(d);
        }
        days = list;
        return true;
    }

    // A date, or for the end of a range a shorter "13日"/"2月13日" that takes the rest from its start.
    private static bool TryDate(string text, int? year, DateOnly? start, out DateOnly date, out string problem)
    {
        date = default;
        problem = "";
        // "2027/2/5 0:00", as Excel writes a date into a CSV: the time goes before spaces are folded away.
        var narrow = TextNormalizer.Narrow(TimeSuffix().Replace(TextNormalizer.Clean(text), ""));
        int y, m, d;
        if (Full().Match(narrow) is { Success: true } full) (y, m, d) = (Int(full, 1), Int(full, 2), Int(full, 3));
        else if (MonthDay().Match(narrow) is { Success: true } md && year is { } known) (y, m, d) = (known, Int(md, 1), Int(md, 2));
        else if (DayOnly().Match(narrow) is { Success: true } day && start is { } s) (y, m, d) = (s.Year, s.Month, Int(day, 1));
        else if (MonthDay().IsMatch(narrow))
        {
            problem = $"“{text}”没有写年份。请写成 2027-02-05 这样的完整日期，或在命令中加 --year 指明年份。";
            return false;
        }
        else
        {
            problem = $"“{text}”不是日期。请写成 2027-02-05 这样的格式（也可用 Excel 的日期格式，或 2027-02-05至2027-02-13 表示连续几天）。";
            return false;
        }
        if (m is < 1 or > 12 || y is < 2000 or > 2100 || d < 1 || d > DateTime.DaysInMonth(y, m))
        {
            problem = $"“{text}”不是实际存在的日期。请核对年、月、日。";
            return false;
        }
        date = new DateOnly(y, m, d);
        return true;
    }

    private static int Int(Match m, int group) => int.Parse(m.Groups[group].Value, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"[（(][^）)]*[）)]")] private static partial Regex Bracketed();
    [GeneratedRegex(@"至|到|~|～|—|–")] private static partial Regex RangeSeparator();
    [GeneratedRegex(@"^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})[日号]?$")] private static partial Regex Full();
    [GeneratedRegex(@"^(\d{1,2})[-/.月](\d{1,2})[日号]?$")] private static partial Regex MonthDay();
    [GeneratedRegex(@"^(\d{1,2})[日号]?$")] private static partial Regex DayOnly();
    [GeneratedRegex(@"\s+\d{1,2}:\d{2}(:\d{2})?$")] private static partial Regex TimeSuffix();
}
