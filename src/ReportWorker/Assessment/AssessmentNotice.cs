using System.Globalization;
using ReportWorker.Documents.Components;
using ReportWorker.Documents.Fonts;
using ReportWorker.Documents.Rendering;
using ReportWorker.Documents.Text;
using ReportWorker.Telemetry;

namespace ReportWorker.Assessment;

/// <summary>
/// The 年度考核结果通报: the overall picture, the results by grade, the problems the year's ledger shows,
/// the requirements, and as attachment every unit's score by indicator. Composes components; no I/O.
/// </summary>
public sealed class AssessmentNotice(AssessmentResult result, AssessmentTexts texts, DateTimeOffset created, FontSet fonts, Signature signature, PageMark? mark = null)
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
            var limited = mine.Where(u => u.LimitedByShare).ToArray();
            doc.Add(new Paragraph(mine.Length == 0 ? "无。" : string.Join("、", mine.Select(u => u.Unit.ShortName)) + "。" +
                (limited.Length == 0 ? "" : $"其中{string.Join("、", limited.Select(u => u.Unit.ShortName))}{(limited.Length > 1 ? $"等{limited.Length}个单位" : "")}得分达到“{s.TopGrade}”等次，" +
                    $"因“{s.TopGrade}”等次不超过参加考核单位的{s.TopGradeShare:0%}（{result.TopGradeLimit}个），按排名评为“{grade}”。") +
                string.Concat(mine.Where(u => u.GradeNote is not null && !u.LimitedByShare).Select(u => $"{u.Unit.ShortName}{u.GradeNote}。"))));
        }

        doc.Add(new Heading(1, "三、存在的问题"));
        foreach (var p in Problems()) doc.Add(new Paragraph(p));
        doc.Add(new Heading(1, "四、下一步工作要求"));
        foreach (var p in texts.Requirements) doc.Add(new Paragraph(p));
        doc.Add(new AttachmentNote(texts.AttachmentTitle)).Add(signature);

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
        return WorkerTelemetry.Render("assessment-notice", doc.Render);
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
        yield return open + overdue == 0
            ? "（一）年度任务完成情况较好。完成时限在年内的牵头任务年底前均已销号。"
            : $"（一）任务完成不够到位。年底仍有{open}项完成时限在年内的牵头任务未销号；年底逾期未完成的牵头任务（含上年结转）共{overdue}项，涉及{Units(IndicatorKind.OverdueAtYearEnd)}个单位。";
        yield return items == 0
            ? "（二）督办整改总体及时。整改时限在年内的督办事项均已按期整改。"
            : $"（二）督办整改不够及时。整改时限在年内的督办事项中，有{items}项未按期整改，涉及{Units(IndicatorKind.Supervision)}个单位。";
        yield return late + missing == 0
            ? "（三）月报报送规范。全年各单位均按时报送月报。"
            : $"（三）月报报送不够规范。全年逾期报送{late}个单位次，未报送{missing}个单位次，涉及{Units(IndicatorKind.Reporting)}个单位。";
    }

    private static Cell N(string text) => new(text, TextAlign.Center);
    internal static string Chinese(int n) => "一二三四五六七八九十"[Math.Clamp(n - 1, 0, 9)].ToString();
}
