using ReportWorker.Registry;

namespace ReportWorker.Assessment;

/// <summary>A year's assessment: every unit's result, best first, and the units not assessed.</summary>
public sealed record AssessmentResult(int Year, AssessmentScheme Scheme, IReadOnlyList<UnitResult> Units, IReadOnlyList<Unit> NotAssessed)
{
    public int CountOf(string grade) => Units.Count(u => u.Grade == grade);

    /// <summary>How many units the top-grade share allows (rounded down).</summary>
    public int TopGradeLimit => (int)Math.Floor(Scheme.TopGradeShare * Units.Count + 1e-9);
}

/// <summary>
/// One unit's result. <see cref="Score"/> = the applicable indicators' points scaled to 100, plus the office's
/// bonus up to its cap, less its deductions up to theirs. <see cref="GradeNote"/> says why the grade is not
/// the one the score alone gives (a veto, the top-grade share).
/// </summary>
public sealed record UnitResult(
    Unit Unit,
    IReadOnlyList<IndicatorResult> Indicators,
    double Base,
    PointsWithReasons Bonus,
    PointsWithReasons Deduction,
    double Score,
    string Grade,
    string? GradeNote,
    int Rank,
    double CompletionRate,
    int OverdueAtYearEnd,
    int LateOrMissingMonths,
    IReadOnlyList<Reason> Vetoes)
{
    /// <summary>Scored for the top grade but ranked beyond its share: the notice says so once for all of them.</summary>
    public bool LimitedByShare { get; init; }
}

/// <summary>An indicator's score for a unit, with every reason it is less than full; not applicable when the unit has nothing it measures.</summary>
public sealed record IndicatorResult(Indicator Indicator, bool Applicable, double Score, IReadOnlyList<Reason> Reasons, string Summary);

/// <summary>Points gained or lost and the evidence for them. <see cref="Points"/> is negative for a loss.</summary>
public sealed record Reason(string Evidence, double Points);

/// <summary>The office's bonus or deduction: the sum of its entries, and what counts after the cap.</summary>
public sealed record PointsWithReasons(double Entered, double Counted, IReadOnlyList<Reason> Reasons)
{
    public static PointsWithReasons None { get; } = new(0, 0, []);
}
