using System.Globalization;
using ReportWorker.Briefings;
using ReportWorker.Ledger;

namespace ReportWorker.Assessment;

/// <summary>
/// Scores a year (no I/O, no clock): each indicator from the unit's facts, every point off with its
/// evidence; indicators that measure nothing for a unit are left out and the rest scaled to 100; then
/// the office's bonus and deductions up to their caps; the grade by the thresholds, capped by any veto;
/// the ranking by score and the tie-break; and the top grade limited to its share, in ranking order.
/// </summary>
public static class AssessmentCalculator
{
    public static AssessmentResult Compute(AssessmentScheme scheme, IReadOnlyList<UnitYear> units)
    {
        var scored = units.Where(u => u.Assessed).Select(u => Score(scheme, u)).ToList();
        var ranked = Rank(scheme, scored);
        var limit = (int)Math.Floor(scheme.TopGradeShare * ranked.Count + 1e-9);
        var top = 0;
        var results = ranked.Select((r, i) =>
        {
            var limited = r.Grade == scheme.TopGrade && ++top > limit;
            return limited
                ? r with
                {
                    Rank = i + 1, Grade = scheme.Grades[1].Name, LimitedByShare = true,
                    GradeNote = $"得分达到“{scheme.TopGrade}”等次，但“{scheme.TopGrade}”等次不超过参加考核单位的{scheme.TopGradeShare:0%}（{limit}个），按排名评为“{scheme.Grades[1].Name}”",
                }
                : r with { Rank = i + 1 };
        }).ToArray();
        return new AssessmentResult(scheme.Year, scheme, results, units.Where(u => !u.Assessed).Select(u => u.Unit).ToArray());
    }

    private static UnitResult Score(AssessmentScheme scheme, UnitYear unit)
    {
        var indicators = scheme.Indicators.Select(i => i.Kind switch
        {
            IndicatorKind.Completion => Completion(i, unit),
            IndicatorKind.Reporting => Reporting(i, unit),
            IndicatorKind.Supervision => Supervision(i, unit),
            _ => Overdue(i, unit),
        }).ToArray();
        var applicable = indicators.Where(i => i.Applicable).ToArray();
        var max = applicable.Sum(i => i.Indicator.Points);
        var baseScore = max == 0 ? 0 : Round(applicable.Sum(i => i.Score) / max * 100);
        var bonus = Office(unit.OfficeEntries, OfficeEntry.Bonus, scheme.Office.BonusCap, +1);
        var deduction = Office(unit.OfficeEntries, OfficeEntry.Deduction, scheme.Office.DeductionCap, -1);
        var score = Math.Max(0, Round(baseScore + bonus.Counted - deduction.Counted));

        var gradeIndex = scheme.Grades.Select((g, n) => (g, n)).First(x => score >= x.g.Min).n;
        string? note = null;
        var vetoes = unit.OfficeEntries.Where(e => scheme.Vetoes.ContainsKey(e.Kind)).Select(e => new Reason($"{e.Kind}：{e.Reason}", 0)).ToArray();
        foreach (var veto in unit.OfficeEntries.Where(e => scheme.Vetoes.ContainsKey(e.Kind)))
        {
            var cap = scheme.Grades.Select((g, n) => (g, n)).First(x => x.g.Name == scheme.Vetoes[veto.Kind]).n;
            if (cap <= gradeIndex) continue;
            gradeIndex = cap;
            note = $"因“{veto.Kind}”（{veto.Reason}），等次最高为“{scheme.Grades[cap].Name}”";
        }

        var due = unit.LedTasks.Where(t => t.DueInYear).ToArray();
        return new UnitResult(unit.Unit, indicators, baseScore, bonus, deduction, score, scheme.Grades[gradeIndex].Name, note, 0,
            due.Length == 0 ? 0 : Round(100.0 * due.Count(t => t.ClosedIn is not null) / due.Length),
            unit.LedTasks.Count(t => t.OverdueAtYearEnd),
            unit.Months.Count(m => m.State is SubmissionState.Late or SubmissionState.Missing),
            vetoes);
    }

    private static IndicatorResult Completion(Indicator i, UnitYear unit)
    {
        var due = unit.LedTasks.Where(t => t.DueInYear).ToArray();
        if (due.Length == 0) return NotApplicable(i, "本年度没有牵头的、完成时限在年内的任务");
        var closed = due.Count(t => t.ClosedIn is not null);
        var each = i.Points / due.Length;
        var reasons = due.Where(t => t.ClosedIn is null)
            .Select(t => new Reason($"{t.Code} {Abbreviate(t.Content)}（完成时限{t.DeadlineText}）年底未销号", -Round(each))).ToArray();
        return new(i, true, Round(i.Points * closed / due.Length), reasons,
            $"牵头且完成时限在年内的任务{due.Length}项，销号{closed}项，完成率{100.0 * closed / due.Length:0.0}%");
    }

    private static IndicatorResult Reporting(Indicator i, UnitYear unit)
    {
        if (unit.Months.Count == 0) return NotApplicable(i, "本年度没有应报送的月份");
        var reasons = unit.Months.Select(m => m.State switch
        {
            SubmissionState.Late => new Reason($"{m.Month.ToChinese()}月报逾期报送（{Time(m.ReceivedAt!.Value)}收到，截止{Time(m.DueAt)}）", -i.PerLate),
            SubmissionState.Missing => new Reason($"{m.Month.ToChinese()}月报未报送（截止{Time(m.DueAt)}）", -i.PerMissing),
            _ => null,
        }).OfType<Reason>().Where(r => r.Points != 0).ToArray();
        int Count(SubmissionState s) => unit.Months.Count(m => m.State == s);
        return Deducted(i, reasons, $"应报送{unit.Months.Count}个月，按时{Count(SubmissionState.OnTime)}个月，逾期{Count(SubmissionState.Late)}个月，未报送{Count(SubmissionState.Missing)}个月");
    }

    private static IndicatorResult Supervision(Indicator i, UnitYear unit)
    {
        if (unit.LedTasks.Count == 0) return NotApplicable(i, "本年度没有牵头任务");
        var reasons = unit.Items.Where(x => !x.Rectified)
            .Select(x => new Reason($"{x.Number} {x.TaskCode}（{SupervisionItem.Word(x.Level)}色督办）整改时限{Date(x.RectifyBy)}，" +
                                    (!x.ForOverdue ? "届时仍报告滞后或未启动" : x.ClosedIn is { } m ? $"{m.ToChinese()}才销号" : "至年底仍未销号"), -i.PerItem[SupervisionItem.Word(x.Level)]))
            .ToArray();
        return Deducted(i, reasons, unit.Items.Count == 0 ? "本年度没有整改时限在年内的督办事项" : $"整改时限在年内的督办事项{unit.Items.Count}项，按期整改{unit.Items.Count(x => x.Rectified)}项");
    }

    private static IndicatorResult Overdue(Indicator i, UnitYear unit)
    {
        if (unit.LedTasks.Count == 0) return NotApplicable(i, "本年度没有牵头任务");
        var overdue = unit.LedTasks.Where(t => t.OverdueAtYearEnd).ToArray();
        var reasons = overdue.Select(t => new Reason($"{t.Code} {Abbreviate(t.Content)}（完成时限{t.DeadlineText}）年底逾期未完成", -i.PerTask)).ToArray();
        return Deducted(i, reasons, overdue.Length == 0 ? "年底没有逾期未完成的牵头任务" : $"年底逾期未完成的牵头任务{overdue.Length}项");
    }

    // A deduction indicator: the full points, less every reason, never below 0.
    private static IndicatorResult Deducted(Indicator i, IReadOnlyList<Reason> reasons, string summary) =>
        new(i, true, Math.Max(0, Round(i.Points + reasons.Sum(r => r.Points))), reasons, summary);

    private static IndicatorResult NotApplicable(Indicator i, string why) => new(i, false, 0, [], why + "，不计分");

    private static PointsWithReasons Office(IReadOnlyList<OfficeEntry> entries, string kind, double cap, int sign)
    {
        var mine = entries.Where(e => e.Kind == kind).ToArray();
        if (mine.Length == 0) return PointsWithReasons.None;
        var entered = mine.Sum(e => e.Points);
        return new(entered, Math.Min(entered, cap), mine.Select(e => new Reason(e.Reason, sign * e.Points)).ToArray());
    }

    private static List<UnitResult> Rank(AssessmentScheme scheme, IEnumerable<UnitResult> units)
    {
        IOrderedEnumerable<UnitResult> ordered = units.OrderByDescending(u => u.Score);
        foreach (var rule in scheme.TieBreak)
            ordered = rule switch
            {
                TieBreak.CompletionRate => ordered.ThenByDescending(u => u.CompletionRate),
                TieBreak.FewerOverdue => ordered.ThenBy(u => u.OverdueAtYearEnd),
                TieBreak.FewerLate => ordered.ThenBy(u => u.LateOrMissingMonths),
                _ => ordered.ThenBy(u => u.Unit.SortOrder).ThenBy(u => u.Unit.Code, StringComparer.Ordinal),
            };
        return ordered.ToList();
    }

    /// <summary>The tie-break as the documents state it.</summary>
    public static string Describe(IReadOnlyList<TieBreak> rules) =>
        "总分相同的，依次按" + string.Join("，", rules.Select(r => r switch
        {
            TieBreak.CompletionRate => "年度任务完成率从高到低",
            TieBreak.FewerOverdue => "年底逾期任务从少到多",
            TieBreak.FewerLate => "逾期和未报送的月份从少到多",
            _ => "单位名录顺序",
        })) + "排列";

    internal static double Round(double x) => Math.Round(x, 2, MidpointRounding.AwayFromZero);
    internal static string Points(double x) => x.ToString("0.##", CultureInfo.InvariantCulture);
    private static string Time(DateTimeOffset t) => $"{t.Month}月{t.Day}日 {t:HH:mm}";
    private static string Date(DateOnly d) => $"{d.Year}年{d.Month}月{d.Day}日";
    private static string Abbreviate(string text) => text.Length <= 20 ? text : text[..20] + "…";
}
