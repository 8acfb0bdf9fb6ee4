namespace ReportWorker.Calendar;

/// <summary>
/// The seven statutory holidays (《全国年节及纪念日放假办法》) and the ways an office writes them:
/// 清明/清明节, 五一/劳动节, 国庆中秋 for a joined break (2025's 国庆 took in 中秋).
/// </summary>
public static class FestivalNames
{
    public static readonly IReadOnlyList<string> Statutory = ["元旦", "春节", "清明节", "劳动节", "端午节", "中秋节", "国庆节"];

    private static readonly (string Fragment, string Name)[] Fragments =
    [
        ("元旦", "元旦"), ("春节", "春节"), ("除夕", "春节"), ("清明", "清明节"), ("劳动", "劳动节"), ("五一", "劳动节"),
        ("端午", "端午节"), ("中秋", "中秋节"), ("国庆", "国庆节"),
    ];

    /// <summary>The statutory holidays a name stands for, in calendar order: "国庆、中秋" → 中秋节, 国庆节; none for any other name.</summary>
    public static IReadOnlyList<string> Of(string name) =>
        [.. Statutory.Where(s => Fragments.Any(f => f.Name == s && name.Contains(f.Fragment, StringComparison.Ordinal)))];

    /// <summary>The name to keep: the statutory names it stands for, joined, or the name as written if it is none of them.</summary>
    public static string Canonical(string name) => Of(name) is { Count: > 0 } names ? string.Join("、", names) : name;
}
