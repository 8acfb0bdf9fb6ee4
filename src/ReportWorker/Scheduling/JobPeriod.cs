using System.Globalization;
using ReportWorker.Briefings;
using ReportWorker.Ledger;

namespace ReportWorker.Scheduling;

/// <summary>The month, quarter or day one run of a job is about ("2025-03", "2025Q1", "2025-04-07").</summary>
public sealed record JobPeriod(PeriodKind Kind, string Value)
{
    public static JobPeriod None { get; } = new(PeriodKind.None, "");

    public static JobPeriod Of(ReportMonth month) => new(PeriodKind.Month, month.ToString());
    public static JobPeriod Of(Quarter quarter) => new(PeriodKind.Quarter, quarter.ToString());
    public static JobPeriod Of(DateOnly day) => new(PeriodKind.Day, day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

    public ReportMonth Month => ReportMonth.Parse(Value);
    public Quarter Quarter => Quarter.TryParse(Value, out var q) ? q : throw new FormatException($"'{Value}' is not a quarter.");
    public DateOnly Day => DateOnly.ParseExact(Value, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>
    /// The period a run on <paramref name="localDay"/> is about: forms go out for the current month,
    /// the 月通报 covers the month before, the 季督办 the quarter before, reminders the day itself.
    /// </summary>
    public static JobPeriod For(string job, DateOnly localDay) => JobNames.PeriodOf(job) switch
    {
        PeriodKind.Month when job == JobNames.Forms => Of(ReportMonth.Of(localDay)),
        PeriodKind.Month => Of(ReportMonth.Of(localDay).Previous),
        PeriodKind.Quarter => Of(Quarter.Of(ReportMonth.Of(localDay)).Previous),
        PeriodKind.Day => Of(localDay),
        _ => None,
    };

    public override string ToString() => Value;
}
