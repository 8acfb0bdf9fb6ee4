using System.Globalization;
using System.Text.RegularExpressions;
using ReportWorker.Text;

namespace ReportWorker.Periods;

/// <summary>A reporting month. Written yyyy-MM in files and the ledger, 2025年3月 for people.</summary>
public readonly partial record struct ReportMonth(int Year, int Month) : IComparable<ReportMonth>
{
    public static ReportMonth Of(DateOnly date) => new(date.Year, date.Month);
    public static ReportMonth Of(DateTimeOffset time) => new(time.Year, time.Month);

    public DateOnly FirstDay => new(Year, Month, 1);
    public DateOnly LastDay => FirstDay.AddMonths(1).AddDays(-1);
    public ReportMonth Next => Of(FirstDay.AddMonths(1));
    public ReportMonth Previous => Of(FirstDay.AddMonths(-1));
    public int Quarter => (Month - 1) / 3 + 1;

    public override string ToString() => $"{Year:D4}-{Month:D2}";
    public string ToChinese() => $"{Year}年{Month}月";
    public int CompareTo(ReportMonth other) => (Year * 12 + Month).CompareTo(other.Year * 12 + other.Month);
    public static bool operator <(ReportMonth a, ReportMonth b) => a.CompareTo(b) < 0;
    public static bool operator >(ReportMonth a, ReportMonth b) => a.CompareTo(b) > 0;
    public static bool operator <=(ReportMonth a, ReportMonth b) => a.CompareTo(b) <= 0;
    public static bool operator >=(ReportMonth a, ReportMonth b) => a.CompareTo(b) >= 0;

    /// <summary>Accepts 2025-03, 2025-3, 2025/03, 202503, 2025年3月, ２０２５年３月 and 2025.03.</summary>
    public static bool TryParse(string? text, out ReportMonth month)
    {
        month = default;
        var narrow = TextNormalizer.Narrow(text);
        var match = MonthPattern().Match(narrow);
        if (!match.Success) return false;
        var year = int.Parse(match.Groups["y"].Value, CultureInfo.InvariantCulture);
        var m = int.Parse(match.Groups["m"].Value, CultureInfo.InvariantCulture);
        if (year is < 2000 or > 2100 || m is < 1 or > 12) return false;
        month = new ReportMonth(year, m);
        return true;
    }

    public static ReportMonth Parse(string text) =>
        TryParse(text, out var month) ? month : throw new FormatException($"'{text}' is not a month (expected YYYY-MM).");

    [GeneratedRegex(@"^(?<y>\d{4})(?:[-/.年]?)(?<m>\d{1,2})月?(?:份)?$")]
    private static partial Regex MonthPattern();
}
