using System.Globalization;
using ReportWorker.Documents;
using ReportWorker.Documents.Components;
using ReportWorker.Documents.Fonts;
using ReportWorker.Documents.Rendering;
using ReportWorker.Documents.Text;

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

/// <summary>
/// The 年度考核结果通报: the overall picture, the results by grade, the problems the year's ledger shows,
/// the requirements, and as attachment every unit's score by indicator. Composes components; no I/O.
/// </summary>
public sealed class AssessmentNotice(AssessmentResult result, AssessmentTexts texts, DateTimeOffset created, FontSet fonts, PageMark? mark = null)
{
    public RenderedDocument Render()
    {
        var doc = new Document(new DocumentMetadata(texts.Title, texts.Organ, $"年度考核 {result.Year}", created), fonts: fonts) { Mark = mark };
        doc.Add(new Masthead(texts.Organ, texts.DocumentNumber)).Add(new Title(texts.Title)).Add(new Addressee(texts.Addressee)).Add(new Paragraph(texts.Intro));
        var units = result.Units;
        var s = result.Scheme;

        doc.Add(new Heading(1, "一、总体情况"));
        var average = units.Count == 0 ? 0 : units.Average(u => u.Score);
        doc.Add(new Paragraph($"本次共考核{units.Count}个单位，平均得分{average:0.0}分。" +
            string.Join("，", s.Grades.Select(g => $"评为“{g.Name}”等次的{result.CountOf(g.Name)}个")) + "。" +
            (result.NotAssessed.Count > 0 ? $"{string.Join("、", result.NotAssessed.Select(u => u.ShortName))}本年度没有牵头任务和应报送的月报，不参加考核。" : "")));
        doc.Add(new Paragraph(SchemeText.Describe(s)));

        doc.Add(new Heading(1, "二、考核结果"));
        foreach (var (grade, n) in s.Grades.Select((g, n) => (g.Name, n)))
        {
            var mine = units.Where(u => u.Grade == grade).ToArray();
            doc.Add(new Heading(2, $"（{Chinese(n + 1)}）“{grade}”等次（{mine.Length}个）"));
            doc.Add(new Paragraph(mine.Length == 0 ? "无。" : string.Join("、", mine.Select(u => u.Unit.ShortName)) + "。" +
                string.Concat(mine.Where(u => u.GradeNote is not null).Select(u => $"{u.Unit.ShortName}{u.GradeNote}。"))));
        }

        doc.Add(new Heading(1, "三、存在的问题"));
        foreach (var p in Problems()) doc.Add(new Paragraph(p));
        doc.Add(new Heading(1, "四、下一步工作要求"));
        foreach (var p in texts.Requirements) doc.Add(new Paragraph(p));
        doc.Add(new Signature(texts.Signature, texts.Date));

        doc.Add(new AttachmentHeading("附件", texts.AttachmentTitle));
        var widths = new List<float> { 1f, 2.6f };
        widths.AddRange(s.Indicators.Select(_ => 1.3f));
        widths.AddRange([1.1f, 1.1f, 1.3f, 1.2f]);
        var header = new List<string> { "排名", "单位" };
        header.AddRange(s.Indicators.Select(i => $"{i.Name}（{SchemeText.P(i.Points)}分）"));
        header.AddRange(["加分", "扣分", "总分", "等次"]);
        doc.Add(new Table(widths.ToArray(), [header.Select(h => new Cell(h, TextAlign.Center)).ToArray()],
            units.Select(u => (IReadOnlyList<Cell>)
            [
                N(u.Rank.ToString(CultureInfo.InvariantCulture)), u.Unit.ShortName,
                .. u.Indicators.Select(i => N(i.Applicable ? SchemeText.P(i.Score) : "—")),
                N(u.Bonus.Counted == 0 ? "" : SchemeText.P(u.Bonus.Counted)), N(u.Deduction.Counted == 0 ? "" : SchemeText.P(u.Deduction.Counted)),
                N(SchemeText.P(u.Score)), new Cell(u.Grade, TextAlign.Center),
            ]).ToArray()) { FontSize = 10.5f });
        doc.Add(new Paragraph("注：“—”表示该单位没有相应事项，该指标不计分，其余指标得分按满分100分折算；各单位的扣分事项及依据见各自的考核反馈单。"));
        doc.Add(new ClosingBlock(texts.CopyTo, texts.Issuer, $"{texts.Date}印发"));
        return doc.Render();
    }

    // What the year's deductions add up to, across units: the problems the ledger shows.
    private IEnumerable<string> Problems()
    {
        var units = result.Units;
        int Count(IndicatorKind kind, Func<Reason, bool>? which = null) =>
            units.Sum(u => u.Indicators.Where(i => i.Indicator.Kind == kind).Sum(i => i.Reasons.Count(r => which?.Invoke(r) ?? true)));
        int Units(IndicatorKind kind) => units.Count(u => u.Indicators.Any(i => i.Indicator.Kind == kind && i.Reasons.Count > 0));
        var late = Count(IndicatorKind.Reporting, r => r.Evidence.Contains("逾期报送", StringComparison.Ordinal));
        var missing = Count(IndicatorKind.Reporting, r => r.Evidence.Contains("未报送", StringComparison.Ordinal));
        var open = Count(IndicatorKind.Completion);
        var overdue = Count(IndicatorKind.OverdueAtYearEnd);
        var items = Count(IndicatorKind.Supervision);
        yield return $"（一）任务完成不够到位。年底仍有{open}项完成时限在年内的牵头任务未销号，其中{overdue}项逾期未完成，涉及{Units(IndicatorKind.OverdueAtYearEnd)}个单位。";
        yield return $"（二）督办整改不够及时。整改时限在年内的督办事项中，有{items}项未按期整改，涉及{Units(IndicatorKind.Supervision)}个单位。";
        yield return $"（三）月报报送不够规范。全年逾期报送{late}个单位次，未报送{missing}个单位次，涉及{Units(IndicatorKind.Reporting)}个单位。";
    }

    private static Cell N(string text) => new(text, TextAlign.Center);
    internal static string Chinese(int n) => "一二三四五六七八九十"[Math.Clamp(n - 1, 0, 9)].ToString();
}

/// <summary>
/// One unit's 考核反馈单: each indicator with its score and every point lost with its evidence, the office's
/// entries, the total, grade and rank; a draft says 初步结果 and by when to object. Composes components; no I/O.
/// </summary>
public sealed class FeedbackSlip(UnitResult unit, AssessmentResult result, AssessmentTexts texts, bool draft, DateTimeOffset created, FontSet fonts, PageMark? mark = null)
{
    public RenderedDocument Render()
    {
        var stage = draft ? "初步结果" : "最终结果";
        var title = $"{texts.SlipTitle}（{stage}）";
        var doc = new Document(new DocumentMetadata($"{title}（{unit.Unit.ShortName}）", texts.Organ, $"考核反馈单 {result.Year}", created), fonts: fonts) { Mark = mark };
        // The stage goes in the masthead's line: a title of its own keeps the slip's title to one line.
        doc.Add(new Masthead(texts.Organ, $"考核反馈单（{stage}）")).Add(new Title(texts.SlipTitle)).Add(new Addressee($"{unit.Unit.Name}："));
        doc.Add(new Paragraph($"根据《{result.Scheme.Name}》，贵单位{result.Year}年度党建工作考核{stage}为：总分{SchemeText.P(unit.Score)}分，等次“{unit.Grade}”，" +
            $"在{result.Units.Count}个参加考核单位中排第{unit.Rank}位。{(unit.GradeNote is null ? "" : unit.GradeNote + "。")}各项得分及依据如下。"));

        var rows = new List<IReadOnlyList<Cell>>();
        foreach (var i in unit.Indicators)
        {
            rows.Add([new Cell(i.Indicator.Name, Strong: true), N(SchemeText.P(i.Indicator.Points)), N(i.Applicable ? SchemeText.P(i.Score) : "不计分"), i.Summary]);
            rows.AddRange(i.Reasons.Select(r => (IReadOnlyList<Cell>)["", "", N(SchemeText.P(r.Points)), r.Evidence]));
        }
        rows.Add([new Cell("折算得分", Strong: true), N("100"), N(SchemeText.P(unit.Base)), "不计分的指标不计入，其余指标得分按满分100分折算"]);
        Office(rows, "工委加分", result.Scheme.Office.BonusCap, unit.Bonus);
        Office(rows, "工委扣分", result.Scheme.Office.DeductionCap, unit.Deduction);
        rows.AddRange(unit.Vetoes.Select(v => (IReadOnlyList<Cell>)[new Cell("否决事项", Strong: true), "", "", v.Evidence]));
        rows.Add([new Cell("总分", Strong: true), "", N(SchemeText.P(unit.Score)), $"等次：{unit.Grade}"]);
        doc.Add(new Table([2.2f, 1f, 1.2f, 7f], [[new Cell("项目", TextAlign.Center), new Cell("分值", TextAlign.Center), new Cell("得分", TextAlign.Center), new Cell("情况及依据", TextAlign.Center)]], rows) { FontSize = 11 });
        if (draft) doc.Add(new Paragraph(texts.Objection));
        doc.Add(new Signature(texts.Signature, texts.Date));
        return doc.Render();
    }

    private static void Office(List<IReadOnlyList<Cell>> rows, string name, double cap, PointsWithReasons points)
    {
        if (points.Reasons.Count == 0) return;
        rows.Add([new Cell(name, Strong: true), N($"≤{SchemeText.P(cap)}"), N(SchemeText.P(points.Counted)),
            points.Entered > points.Counted ? $"录入合计{SchemeText.P(points.Entered)}分，按上限计{SchemeText.P(points.Counted)}分" : $"共{points.Reasons.Count}项"]);
        rows.AddRange(points.Reasons.Select(r => (IReadOnlyList<Cell>)["", "", N(SchemeText.P(r.Points)), r.Evidence]));
    }

    private static Cell N(string text) => new(text, TextAlign.Center);
}
