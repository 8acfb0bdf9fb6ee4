using System.Globalization;
using ReportWorker.Documents;
using ReportWorker.Documents.Components;
using ReportWorker.Documents.Fonts;
using ReportWorker.Documents.Rendering;
using ReportWorker.Documents.Text;
using ReportWorker.Registry;
using ReportWorker.Periods;
using ReportWorker.Telemetry;

namespace ReportWorker.Briefings;

/// <summary>The words of a 季督办 专报 and its 督办单, from templates and settings, already rendered.</summary>
public sealed record QuarterlyTexts(
    string Organ, string ReportName, string ReportNumber, string ReportOffice, string Title, string Intro, IReadOnlyList<string> Requirements,
    string Signature, string Date, string ReportTo, string CopyTo, string Issuer, string SlipTitle,
    Func<int, string> SlipNumber, Func<DateOnly, string> Requirement);

/// <summary>Level colours: 蓝, 黄, 红, always with the word: the only colour in the tables, because it carries meaning.</summary>
internal static class LevelStyle
{
    public static Cell Cell(Level level) => new($"{SupervisionItem.Word(level)}色", TextAlign.Center, Fill(level), level == Level.Red ? Rgb.White : null);

    public static Rgb Fill(Level level) => level switch
    {
        Level.Red => new Rgb(0xC0, 0x00, 0x00),
        Level.Yellow => new Rgb(0xFF, 0xE6, 0x99),
        _ => new Rgb(0xDD, 0xEB, 0xF7),
    };
}

/// <summary>
/// The 季督办 for the committee's leaders, in the form an office reports to its leaders: a 专报 (督办工作专报, 第N期,
/// the office and the date under the name; 报：工委领导同志 in the 版记), not a 通报 addressed to them. It gives
/// the items by level and unit, the list of items, and what became of last quarter's. Composes components; no I/O.
/// A draft carries <paramref name="mark"/> on every page.
/// </summary>
public sealed class QuarterlyNotice(QuarterFigures figures, QuarterlyTexts texts, IReadOnlyDictionary<string, Unit> units, DateTimeOffset created, FontSet fonts, PageMark? mark = null)
{
    public RenderedDocument Render()
    {
        var doc = new Document(new DocumentMetadata(texts.Title, texts.ReportOffice, $"季督办 {figures.Quarter.Chinese}", created), fonts: fonts) { Mark = mark };
        doc.Add(new Masthead(texts.ReportName, texts.ReportNumber) { LeftNote = texts.ReportOffice, RightNote = texts.Date, OrganSize = 42 })
           .Add(new Title(texts.Title))
           .Add(new Paragraph(texts.Intro));

        doc.Add(new Heading(1, "一、督办事项总体情况"));
        var items = figures.Items;
        int Count(Level l) => items.Count(i => i.Level == l);
        doc.Add(new Paragraph(items.Count == 0
            ? $"{figures.Quarter.Chinese}没有需要督办的事项。"
            : $"本季度共确定督办事项{items.Count}项，其中红色{Count(Level.Red)}项、黄色{Count(Level.Yellow)}项、蓝色{Count(Level.Blue)}项，涉及{items.Select(i => i.State.Task.LeadUnit).Distinct().Count()}个单位，已向各单位印发督办单。"));
        if (items.Count > 0)
        {
            var byUnit = items.GroupBy(i => i.State.Task.LeadUnit).OrderByDescending(g => g.Count(i => i.Level == Level.Red)).ThenByDescending(g => g.Count()).ThenBy(g => units.GetValueOrDefault(g.Key)?.SortOrder ?? 0);
            doc.Add(new Table([3.5f, 1, 1, 1, 1], [Header("单位", "红色", "黄色", "蓝色", "合计")],
                byUnit.Select(g => (IReadOnlyList<Cell>)[Name(g.Key), N(g.Count(i => i.Level == Level.Red)), N(g.Count(i => i.Level == Level.Yellow)), N(g.Count(i => i.Level == Level.Blue)), N(g.Count())]).ToArray()));

            doc.Add(new Heading(1, "二、督办事项清单"));
            // The original deadline goes with the reason (an overdue item's reason already names it), and a rectification
            // deadline every item shares is said once above the table: columns of their own left the task's words a tenth of it.
            var deadlines = items.Select(i => i.RectifyBy).Distinct().ToArray();
            if (deadlines.Length == 1) doc.Add(new Paragraph($"各督办事项的整改时限均为{Date(deadlines[0])}。"));
            string[] header = deadlines.Length == 1 ? ["督办编号", "等级", "任务及督办原因", "牵头单位"] : ["督办编号", "等级", "任务及督办原因", "牵头单位", "整改时限"];
            doc.Add(new Table([.. new[] { 2.3f, 1, 4.6f, 2, 1.9f }.Take(header.Length)], [Header(header)],
                items.Select(i => (IReadOnlyList<Cell>)[
                    new Cell(i.Number, TextAlign.Center), LevelStyle.Cell(i.Level), $"{i.State.Task.Code} {i.State.Task.Content}（{WithDeadline(i)}）", Name(i.State.Task.LeadUnit),
                    .. deadlines.Length == 1 ? Array.Empty<Cell>() : [new Cell(Date(i.RectifyBy), TextAlign.Center)]]).ToArray())
                { FontSize = 10.5f });
        }

        doc.Add(new Heading(1, items.Count > 0 ? "三、上季度督办事项跟踪" : "二、上季度督办事项跟踪"));
        if (figures.Previous.Count == 0) doc.Add(new Paragraph("上季度没有督办事项。"));
        else
        {
            var closed = figures.Previous.Count(f => f.ClosedIn is not null);
            doc.Add(new Paragraph($"上季度{figures.Previous.Count}项督办事项中，已销号{closed}项，仍未完成{figures.Previous.Count - closed}项（已升级列入本季度督办）。"));
            doc.Add(new Table([2.4f, 1, 5, 3.4f], [Header("上季度编号", "等级", "任务", "现状")],
                figures.Previous.Select(f => (IReadOnlyList<Cell>)[new Cell(f.Number, TextAlign.Center), LevelStyle.Cell(f.Level), f.TaskCode,
                    f.ClosedIn is { } m ? $"已于{m.ToChinese()}销号" : f.NowItem is { } now ? $"未完成，列为{now.Number}（{SupervisionItem.Word(now.Level)}色）" : "未完成"]).ToArray()));
        }
        doc.Add(new Heading(1, items.Count > 0 ? "四、下步工作安排" : "三、下步工作安排"));
        foreach (var p in texts.Requirements) doc.Add(new Paragraph(p));
        doc.Add(new ClosingBlock(texts.CopyTo, texts.Issuer, $"{texts.Date}印发") { ReportTo = texts.ReportTo });
        return WorkerTelemetry.Render("quarterly-notice", doc.Render);
    }

    private static string WithDeadline(SupervisionItem i) =>
        i.Reason.Contains(i.State.Task.DueText, StringComparison.Ordinal) ? i.Reason : $"{i.Reason}；完成时限：{i.State.Task.DueText}";

    private string Name(string code) => units.TryGetValue(code, out var u) ? u.ShortName : code;
    internal static string Date(DateOnly d) => $"{d.Year}年{d.Month}月{d.Day}日";
    private static Cell N(int n) => new(n.ToString(CultureInfo.InvariantCulture), TextAlign.Right);
    internal static IReadOnlyList<Cell> Header(params string[] t) => t.Select(x => new Cell(x, TextAlign.Center)).ToArray();
}
