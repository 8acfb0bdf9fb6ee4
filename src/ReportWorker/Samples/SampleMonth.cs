using ReportWorker.Periods;
using ReportWorker.Registry;

namespace ReportWorker.Samples;

/// <summary>
/// Who does what in one month of the sample year: the unit that sends nothing, the four that send late,
/// the one whose first form is rejected and then fixed (from February), and the one that revises an
/// accepted form (at the end of each quarter, before the 季督办). The choices step through the registry
/// with the month, so a different unit misses each month; a choice that falls on the missing unit moves
/// to the next one, so every month has its four late forms and its special cases.
/// </summary>
internal sealed record SampleMonth(string Missing, IReadOnlySet<string> Late, string? RejectedThenFixed, string? Revised)
{
    public static SampleMonth For(ReportMonth month, IReadOnlyList<Unit> units)
    {
        var m = month.Month;
        var missing = units[(m * 7 + 3) % units.Count].Code;
        var taken = new HashSet<string> { missing };
        var late = Enumerable.Range(0, 4).Select(i => Reporting(units, m * 11 + i * 9, taken)).ToHashSet();
        taken = [missing];
        var rejected = m >= 2 ? Reporting(units, 5 + m, taken) : null;
        var revised = m % 3 == 0 ? Reporting(units, 20 + m, taken) : null;
        return new SampleMonth(missing, late, rejected, revised);
    }

    public string? Special(string unitCode) =>
        unitCode == RejectedThenFixed ? "rejected-then-fixed" : unitCode == Revised ? "revised" : null;

    /// <summary>The unit at <paramref name="index"/> (cyclically), or the next one not yet <paramref name="taken"/>; marks it taken.</summary>
    private static string Reporting(IReadOnlyList<Unit> units, int index, HashSet<string> taken)
    {
        var code = units[index % units.Count].Code;
        while (!taken.Add(code)) code = units[++index % units.Count].Code;
        return code;
    }
}
