using ReportWorker.Documents.Components;
using ReportWorker.Documents.Fonts;
using ReportWorker.Documents.Rendering;
using ReportWorker.Documents.Text;
using ReportWorker.Periods;
using ReportWorker.Registry;
using ReportWorker.Telemetry;

namespace ReportWorker.Briefings;

/// <summary>
/// One unit's 督办单, a letter from the committee in the 信函格式 (GB/T 9704 10.1) with its own number: only the
/// unit's items, each kept on one page with everything the unit needs to act on it (task, original deadline, why,
/// latest progress, level, rectification deadline), then how and by when to answer, the signature and the contact
/// as 附注. Composes components; no I/O. A draft carries <paramref name="mark"/> on every page.
/// </summary>
public sealed class SupervisionSlip(Unit unit, int seq, IReadOnlyList<SupervisionItem> items, QuarterlyTexts texts, Quarter quarter, Signature signature, DateTimeOffset created, FontSet fonts, PageMark? mark = null)
{
    public RenderedDocument Render()
    {
        var number = texts.SlipNumber(seq);
        var doc = new Document(new DocumentMetadata($"{texts.SlipTitle}（{unit.ShortName}）", texts.Organ, $"督办单 {quarter.Chinese} {number}", created), fonts: fonts) { Mark = mark };
        doc.Add(new Masthead(texts.Organ, number) { Format = MastheadFormat.Letter })
           .Add(new Title(texts.SlipTitle))
           .Add(new Addressee($"{unit.Name}："))
           .Add(new Paragraph($"经{quarter.Chinese}督办，贵单位牵头的以下{items.Count}项任务列为督办事项，请抓紧整改。"));
        for (var n = 0; n < items.Count; n++)
        {
            var item = items[n];
            var task = item.State.Task;
            var progress = item.State.LastStatus is null ? "未报送"
                : $"{item.State.LastStatus}，完成进度{item.State.LastPercent:0.#}%（{item.State.LastReported?.ToChinese()}报送）{(string.IsNullOrWhiteSpace(item.State.LastProgress) ? "" : "：" + item.State.LastProgress)}";
            doc.Add(new KeepTogether(
                new Heading(2, $"（{Ordinal(n + 1)}）{item.Number}"),
                new Table([1.6f, 6], [],
                [
                    [new Cell("督办等级", Strong: true), LevelStyle.Cell(item.Level) with { Align = TextAlign.Left }],
                    [new Cell("任务", Strong: true), $"{task.Code} {task.Content}"],
                    [new Cell("原完成时限", Strong: true), task.DueText],
                    [new Cell("督办原因", Strong: true), item.Reason],
                    [new Cell("最近进展", Strong: true), progress],
                    [new Cell("整改时限", Strong: true), QuarterlyNotice.Date(item.RectifyBy)],
                ]) { FontSize = 12 }));
        }
        // How and by when to answer: one paragraph for the whole slip, by the latest rectification deadline.
        doc.Add(new Spacer()).Add(new Paragraph(texts.Requirement(items.Max(i => i.RectifyBy))));
        doc.Add(signature);
        return WorkerTelemetry.Render("supervision-slip", doc.Render);
    }

    private static string Ordinal(int n) => n <= 10 ? "一二三四五六七八九十"[n - 1].ToString()
        : n < 20 ? "十" + "一二三四五六七八九"[n - 11] : $"{"一二三四五六七八九"[n / 10 - 1]}十{(n % 10 == 0 ? "" : "一二三四五六七八九"[n % 10 - 1].ToString())}";
}
