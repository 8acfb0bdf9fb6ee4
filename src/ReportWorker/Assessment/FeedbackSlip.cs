using ReportWorker.Documents.Components;
using ReportWorker.Documents.Fonts;
using ReportWorker.Documents.Rendering;
using ReportWorker.Documents.Text;
using ReportWorker.Telemetry;

namespace ReportWorker.Assessment;

/// <summary>
/// One unit's 考核反馈单: each indicator with its score and every point lost with its evidence, the office's
/// entries, the total, grade and rank; a draft says 初步结果 and by when to object. Composes components; no I/O.
/// </summary>
public sealed class FeedbackSlip(UnitResult unit, AssessmentResult result, AssessmentTexts texts, bool draft, DateTimeOffset created, FontSet fonts, Signature signature, PageMark? mark = null)
{
    public RenderedDocument Render()
    {
        var stage = draft ? "初步结果" : "最终结果";
        var title = $"{texts.SlipTitle}（{stage}）";
        var doc = new Document(new DocumentMetadata($"{title}（{unit.Unit.ShortName}）", texts.Organ, $"考核反馈单 {result.Year}", created), fonts: fonts) { Mark = mark };
        // A letter to one unit (信函格式); the stage stands where a letter's number does, so the title is said once.
        doc.Add(new Masthead(texts.Organ, stage) { Format = MastheadFormat.Letter }).Add(new Title(texts.SlipTitle)).Add(new Addressee($"{unit.Unit.Name}："));
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
        doc.Add(signature);
        return WorkerTelemetry.Render("feedback-slip", doc.Render);
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
