using System.Globalization;
using System.Text.RegularExpressions;

namespace ReportWorker.Periods;

/// <summary>A calendar quarter: 2025Q1 covers January to March.</summary>
public readonly partial record struct Quarter(int Year, int Number)
{
    public ReportMonth FirstMonth => new(Year, Number * 3 - 2);
    public ReportMonth LastMonth => new(Year, Number * 3);
    public DateOnly LastDay => LastMonth.LastDay;
    public Quarter Previous => Number == 1 ? new(Year - 1, 4) : new(Year, Number - 1);
    public string Chinese => $"{Year}年第{"一二三四"[Number - 1]}季度";
    public override string ToString() => $"{Year}Q{Number}";

    public static Quarter Of(ReportMonth month) => new(month.Year, month.Quarter);

    public static bool TryParse(string? text, out Quarter quarter)
    {
        quarter = default;
        var m = Pattern().Match(Text.TextNormalizer.Narrow(text).ToUpperInvariant());
        if (!m.Success) return false;
        quarter = new Quarter(int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture));
        return true;
    }

    [GeneratedRegex(@"^(20\d{2})-?Q([1-4])$")] private static partial Regex Pattern();
}
