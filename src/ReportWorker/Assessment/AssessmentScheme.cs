using System.Text.Json.Serialization;

namespace ReportWorker.Assessment;

/// <summary>
/// A year's 考核细则 as the office writes it (templates/assessment/YYYY.json): weighted indicators on a
/// 100-point scale, caps on the office's own points, veto effects, grades with a share limit on the top
/// one, and the tie-break. Loaded and checked by <see cref="AssessmentSchemeFile"/>; printed in the documents.
/// </summary>
public sealed record AssessmentScheme
{
    public int Year { get; init; }
    public string Name { get; init; } = "";
    public IReadOnlyList<Indicator> Indicators { get; init; } = [];
    public OfficePoints Office { get; init; } = new();
    /// <summary>Veto kind (as the office's file writes it) → the best grade a unit with it can get.</summary>
    public IReadOnlyDictionary<string, string> Vetoes { get; init; } = new Dictionary<string, string>();
    public IReadOnlyList<Grade> Grades { get; init; } = [];
    /// <summary>At most this share of the assessed units get the top grade (不超过30%: 0.3), rounded down.</summary>
    public double TopGradeShare { get; init; }
    public IReadOnlyList<TieBreak> TieBreak { get; init; } = [];

    public string TopGrade => Grades[0].Name;
}

/// <summary>One indicator. What it is computed from is its <see cref="Kind"/>; the other fields are that kind's rules.</summary>
public sealed record Indicator
{
    public string Key { get; init; } = "";
    public string Name { get; init; } = "";
    public IndicatorKind Kind { get; init; }
    /// <summary>Its weight: the points it is worth out of 100.</summary>
    public double Points { get; init; }
    /// <summary><see cref="IndicatorKind.Reporting"/>: points off per month reported late, and per month not reported.</summary>
    public double PerLate { get; init; }
    public double PerMissing { get; init; }
    /// <summary><see cref="IndicatorKind.Supervision"/>: points off per 督办事项 not rectified by its deadline, by level (蓝, 黄, 红).</summary>
    public IReadOnlyDictionary<string, double> PerItem { get; init; } = new Dictionary<string, double>();
    /// <summary><see cref="IndicatorKind.OverdueAtYearEnd"/>: points off per task overdue at the end of the year.</summary>
    public double PerTask { get; init; }
}

[JsonConverter(typeof(JsonStringEnumConverter<IndicatorKind>))]
public enum IndicatorKind
{
    /// <summary>Share of the unit's led tasks due in the year that were closed by December, times the points.</summary>
    Completion,
    /// <summary>The points, less a deduction per late and per missing monthly report.</summary>
    Reporting,
    /// <summary>The points, less a deduction per 督办事项 of the unit not rectified by its deadline.</summary>
    Supervision,
    /// <summary>The points, less a deduction per led task still overdue at the end of the year.</summary>
    OverdueAtYearEnd,
}

/// <summary>Caps on what the office's own entries may add (加分) or take off (扣分).</summary>
public sealed record OfficePoints
{
    public double BonusCap { get; init; }
    public double DeductionCap { get; init; }
}

public sealed record Grade(string Name, double Min);

[JsonConverter(typeof(JsonStringEnumConverter<TieBreak>))]
public enum TieBreak { CompletionRate, FewerOverdue, FewerLate, RegistryOrder }
