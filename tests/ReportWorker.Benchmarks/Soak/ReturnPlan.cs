using ReportWorker.Calendar;
using ReportWorker.Periods;

namespace ReportWorker.Benchmarks.Soak;

/// <summary>One returned form to drop into the inbox at a simulated moment.</summary>
internal sealed record Drop(DateTimeOffset At, string Form, bool Late);

/// <summary>
/// When each unit sends back a month's form, once the worker has written the forms: a third of the units the day
/// after they got it, a third on the 1st, a third the afternoon before the due day; three units in the evening after
/// the deadline (late), so they also get the due day's 催报; one unit not at all. The late and missing units change every month.
/// </summary>
internal static class ReturnPlan
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    /// <param name="forms">The month's forms as the worker wrote them (<c>data/forms/yyyy-MM/yyyy-MM_CODE_…</c>), one per unit.</param>
    /// <param name="formsSeen">The simulated moment the forms job was seen done.</param>
    public static (IReadOnlyList<Drop> Drops, string Missing) For(ReportMonth month, IReadOnlyList<string> forms, DateTimeOffset formsSeen, WorkingCalendar workingDays)
    {
        var sorted = forms.Order(StringComparer.Ordinal).ToArray();
        var n = sorted.Length;
        var key = month.Year * 12 + month.Month;
        var missing = key * 7 % n;
        var late = new[] { 5, 17, 29 }.Select(k => (missing + k) % n).Where(i => i != missing).ToHashSet();
        // The worker's defaults (Reporting:DueDay 5, DueTime 17:00), moved to the next working day as the worker moves them.
        var dueDay = workingDays.OnOrAfter(month.Next.FirstDay.AddDays(4));
        var firstDay = Local(formsSeen.ToOffset(China).Date.AddDays(1), 10);
        var onFirst = Local(month.Next.FirstDay.ToDateTime(TimeOnly.MinValue), 10);
        var drops = new List<Drop>();
        for (var i = 0; i < n; i++)
        {
            if (i == missing) continue;
            var at = late.Contains(i) ? Local(dueDay.ToDateTime(TimeOnly.MinValue), 19)
                : (i % 3) switch { 0 => firstDay, 1 => Max(firstDay, onFirst), _ => Max(firstDay, Local(dueDay.ToDateTime(TimeOnly.MinValue).AddDays(-1), 15)) };
            drops.Add(new Drop(at, sorted[i], late.Contains(i)));
        }
        return (drops.OrderBy(d => d.At).ToArray(), Path.GetFileName(sorted[missing]));
    }

    private static DateTimeOffset Local(DateTime date, int hour) => new(date.Date.AddHours(hour), China);
    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
