using System.Globalization;
using System.Text.RegularExpressions;
using ReportWorker.Spreadsheets;
using ReportWorker.Text;
using ReportWorker.Periods;

namespace ReportWorker.Registry;

/// <summary>
/// Reads 完成时限 as task lists write it: 2025-06-30, 2025/6/30, 2025年6月30日, 2025年6月底, 6月底,
/// 上半年, 三季度, 年底, an Excel date, or 长期坚持/常态化 for standing tasks (no deadline).
/// </summary>
public static partial class DeadlineParser
{
    private static readonly string[] Standing = ["长期坚持", "常态化", "持续推进", "长期", "持续", "经常性", "每月", "每季度", "每年"];

    public static bool TryParse(CellValue? cell, int defaultYear, out DateOnly? deadline)
    {
        deadline = null;
        if (cell is { IsDate: true, Number: { } serial }) { deadline = DateOnly.FromDateTime(DateTime.FromOADate(serial)); return true; }
        // A date-time cell exported to CSV reads "2025/6/3 0:00": drop the time before spaces are folded away.
        var text = TimeSuffix().Replace(TextNormalizer.Clean(cell?.Text), "");
        if (text.Length == 0) return false;
        if (Standing.Any(s => text.Contains(s, StringComparison.Ordinal))) return true;

        var narrow = TextNormalizer.Narrow(text);
        var year = defaultYear;
        var y = YearPrefix().Match(narrow);
        if (y.Success) { year = Int(y.Groups[1].Value); narrow = narrow[y.Length..]; }

        if (FullDate().Match(narrow) is { Success: true } d)
            return Make(year, Int(d.Groups[1].Value), Int(d.Groups[2].Value), out deadline);
        if (MonthOnly().Match(narrow) is { Success: true } m)
            return MonthEnd(year, Int(m.Groups[1].Value), out deadline);
        if (IsoDate().Match(TextNormalizer.Narrow(text)) is { Success: true } iso)
            return Make(Int(iso.Groups[1].Value), Int(iso.Groups[2].Value), Int(iso.Groups[3].Value), out deadline);
        if (narrow is "" or "年底" or "年末" or "年内" or "全年" or "底") return MonthEnd(year, 12, out deadline);
        if (narrow is "上半年" or "年中") return MonthEnd(year, 6, out deadline);
        if (narrow is "下半年") return MonthEnd(year, 12, out deadline);
        if (Quarter().Match(narrow) is { Success: true } q)
            return MonthEnd(year, "一二三四1234".IndexOf(q.Groups[1].Value[0]) % 4 * 3 + 3, out deadline);
        return false;
    }

    private static bool MonthEnd(int year, int month, out DateOnly? deadline)
    {
        deadline = null;
        if (month is < 1 or > 12) return false;
        deadline = new DateOnly(year, month, 1).AddMonths(1).AddDays(-1);
        return true;
    }

    private static bool Make(int year, int month, int day, out DateOnly? deadline)
    {
        deadline = null;
        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)) return false;
        deadline = new DateOnly(year, month, day);
        return true;
    }

    private static int Int(string s) => int.Parse(s, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^(20\d{2})(?:年|(?=[-/.])|$)")] private static partial Regex YearPrefix();
    [GeneratedRegex(@"^[-/.]?(\d{1,2})[-/.月](\d{1,2})[日号]?(前|之前)?$")] private static partial Regex FullDate();
    [GeneratedRegex(@"^[-/.]?(\d{1,2})月?(底|末|份|前|中旬|下旬|上旬)?(前|之前)?$")] private static partial Regex MonthOnly();
    [GeneratedRegex(@"^(20\d{2})[-/.](\d{1,2})[-/.](\d{1,2})")] private static partial Regex IsoDate();
    [GeneratedRegex(@"^第?([一二三四1234])季度?(末|底)?$")] private static partial Regex Quarter();
    [GeneratedRegex(@"\s+\d{1,2}:\d{2}(:\d{2})?$")] private static partial Regex TimeSuffix();
}
