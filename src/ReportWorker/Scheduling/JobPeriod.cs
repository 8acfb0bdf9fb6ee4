using System.Globalization;
using ReportWorker.Periods;

namespace ReportWorker.Scheduling;

public enum PeriodKind { None, Day, Month, Quarter, Year }

/// <summary>The month, quarter, year or day one run of a job is about ("2025-03", "2025Q1", "2025", "2025-04-07").</summary>
public sealed record JobPeriod(PeriodKind Kind, string Value)
{
    public static JobPeriod None { get; } = new(PeriodKind.None, "");

    public static JobPeriod Of(ReportMonth month) => new(PeriodKind.Month, month.ToString());
    public static JobPeriod Of(Quarter quarter) => new(PeriodKind.Quarter, quarter.ToString());
    public static JobPeriod Of(DateOnly day) => new(PeriodKind.Day, day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
    public static JobPeriod OfYear(int year) => new(PeriodKind.Year, year.ToString("D4", CultureInfo.InvariantCulture));

    public ReportMonth Month => ReportMonth.Parse(Value);
    public Quarter Quarter => Quarter.TryParse(Value, out var q) ? q : throw new FormatException($"'{Value}' is not a quarter.");
    public DateOnly Day => DateOnly.ParseExact(Value, "yyyy-MM-dd", CultureInfo.InvariantCulture);
    public int Year => int.Parse(Value, CultureInfo.InvariantCulture);

    /// <summary>The period a fire on <paramref name="localDay"/> stands for.</summary>
    public static JobPeriod For(FirePeriod period, DateOnly localDay) => period switch
    {
        FirePeriod.Day => Of(localDay),
        FirePeriod.Month => Of(ReportMonth.Of(localDay)),
        FirePeriod.PreviousMonth => Of(ReportMonth.Of(localDay).Previous),
        FirePeriod.PreviousQuarter => Of(Quarter.Of(ReportMonth.Of(localDay)).Previous),
        FirePeriod.PreviousYear => OfYear(localDay.Year - 1),
        _ => None,
    };

    public override string ToString() => Value;
}

public static class FirePeriodExtensions
{
    public static PeriodKind Kind(this FirePeriod period) => period switch
    {
        FirePeriod.Day => PeriodKind.Day,
        FirePeriod.Month or FirePeriod.PreviousMonth => PeriodKind.Month,
        FirePeriod.PreviousQuarter => PeriodKind.Quarter,
        FirePeriod.PreviousYear => PeriodKind.Year,
        _ => PeriodKind.None,
    };
}
