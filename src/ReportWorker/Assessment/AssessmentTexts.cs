namespace ReportWorker.Assessment;

/// <summary>The words of the assessment's documents from templates and settings, already rendered.</summary>
public sealed record AssessmentTexts(
    string Organ, string DocumentNumber, string Title, string Addressee, string Intro, IReadOnlyList<string> Requirements,
    string Signature, string Date, string CopyTo, string Issuer, string AttachmentTitle, string SlipTitle, string Objection);

/// <summary>How the 细则 scores, in the words the documents print it.</summary>
internal static class SchemeText
{
    public static string Describe(AssessmentScheme s)
    {
        string Indicator(Indicator i) => i.Kind switch
        {
            IndicatorKind.Completion => $"{i.Name}{P(i.Points)}分（按牵头且完成时限在年内的任务的销号率折算）",
            IndicatorKind.Reporting => $"{i.Name}{P(i.Points)}分（每逾期报送一个月扣{P(i.PerLate)}分，每未报送一个月扣{P(i.PerMissing)}分）",
            IndicatorKind.Supervision => $"{i.Name}{P(i.Points)}分（整改时限在年内、未按期整改的督办事项，每项蓝色扣{P(i.PerItem["蓝"])}分、黄色扣{P(i.PerItem["黄"])}分、红色扣{P(i.PerItem["红"])}分）",
            _ => $"{i.Name}{P(i.Points)}分（年底仍逾期未完成的牵头任务每项扣{P(i.PerTask)}分）",
        };
        var grades = string.Join("，", s.Grades.Select((g, n) => n == 0 ? $"{P(g.Min)}分以上为“{g.Name}”" : n == s.Grades.Count - 1 ? $"{P(s.Grades[n - 1].Min)}分以下为“{g.Name}”" : $"{P(g.Min)}分以上为“{g.Name}”"));
        var vetoes = s.Vetoes.Count == 0 ? "" : "有" + string.Join("、", s.Vetoes.Select(v => $"“{v.Key}”情形的最高评为“{v.Value}”")) + "。";
        return $"考核指标及分值：{string.Join("；", s.Indicators.Select(Indicator))}。单位没有相应事项的指标不计分，其余指标得分按满分100分折算。" +
               $"工委办公室根据表彰、经验推广等情况加分，最多加{P(s.Office.BonusCap)}分；根据掌握的问题扣分，最多扣{P(s.Office.DeductionCap)}分。" +
               $"{grades}；“{s.TopGrade}”等次不超过参加考核单位的{s.TopGradeShare:0%}。{vetoes}{AssessmentCalculator.Describe(s.TieBreak)}。";
    }

    public static string P(double x) => AssessmentCalculator.Points(x);
}
