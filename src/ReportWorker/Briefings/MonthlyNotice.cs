using System.Globalization;
using ReportWorker.Documents;
using ReportWorker.Documents.Components;
using ReportWorker.Documents.Fonts;
using ReportWorker.Documents.Rendering;
using ReportWorker.Documents.Text;
using ReportWorker.Ledger;
using ReportWorker.Telemetry;

namespace ReportWorker.Briefings;

/// <summary>The words of a 月通报 that come from templates and settings, already rendered.</summary>
public sealed record MonthlyNoticeTexts(
    string Organ, string DocumentNumber, string Title, string Addressee, string Intro, string Overall,
    IReadOnlyList<string> Requirements, string Signature, string Date, string CopyTo, string Issuer, string AttachmentTitle);

/// <summary>
/// The 月通报 as a document (GB/T 9704 文件格式): masthead, title, five sections, 附件说明, signature, the attachment
/// with every task's status in words, and the closing block. Tables are black rules; the one chart has a caption,
/// data labels and the table's own names. Composes components; does no I/O. A draft carries <paramref name="mark"/> on every page.
/// </summary>
public sealed class MonthlyNotice(MonthlyFigures figures, MonthlyNoticeTexts texts, IReadOnlyDictionary<string, string> unitNames, DateTimeOffset created, FontSet fonts, Signature signature, PageMark? mark = null)
{

    public RenderedDocument Render()
    {
        var doc = new Document(new DocumentMetadata(texts.Title, texts.Organ, $"月通报 {figures.Month.ToChinese()}", created), fonts: fonts) { Mark = mark };
        doc.Add(new Masthead(texts.Organ, texts.DocumentNumber))
           .Add(new Title(texts.Title))
           .Add(new Addressee(texts.Addressee))
           .Add(new Paragraph(texts.Intro));
        ComposeOverall(doc);
        ComposeCategories(doc);
        ComposeUnits(doc);
        ComposeProblems(doc);
        ComposeRequirements(doc);
        doc.Add(new AttachmentNote(texts.AttachmentTitle)).Add(signature);
        ComposeAttachment(doc);
        doc.Add(new ClosingBlock(texts.CopyTo, texts.Issuer, $"{texts.Date}印发"));
        return WorkerTelemetry.Render("monthly-notice", doc.Render);
    }

    private void ComposeOverall(Document doc) => doc.Add(new Heading(1, "一、总体情况")).Add(new Paragraph(texts.Overall));

    private void ComposeCategories(Document doc)
    {
        doc.Add(new Heading(1, "二、分类推进情况"));
        var rows = figures.Categories.Select(c => Row($"{c.Code} {c.Name}", c.Counts)).ToArray();
        // Carried-over tasks are counted in their categories; this row says how many of them there are.
        if (figures.CarriedOver.Total > 0) rows = [.. rows, Row($"其中：{Registry.TaskItem.CarriedOverLabel}", figures.CarriedOver)];
        doc.Add(new Table([3.6f, 1, 1, 1, 1, 1, 1, 1.3f], [Header("类别", "任务数", "累计销号", "本月销号", "序时推进", "滞后", "逾期", "完成率")], rows));
        // The table's own names, each bar labelled with its rate; lying bars leave the names room.
        var labels = figures.Categories.Select(c => $"{c.Code} {c.Name}").Reverse().ToArray();
        var values = figures.Categories.Select(c => c.Counts.CompletionRate).Reverse().ToArray();
        doc.Add(new BarChart(labels, values, 150, 12 + 9f * labels.Length)
        {
            Horizontal = true, ValueAxisTitle = "完成率（%）", ValueFormat = "0.0", Caption = $"图1　{figures.Month.ToChinese()}各类别任务完成率（%）",
        });
    }

    private void ComposeUnits(Document doc)
    {
        doc.Add(new Heading(1, "三、各单位推进情况"))
           .Add(new Paragraph("排名按完成率（累计销号数占牵头的有完成时限任务数的比例）从高到低；完成率相同的，逾期任务少的在前；再相同的，滞后任务少的在前。未牵头任务的单位不参加排名。"));
        var ranked = figures.Units.Where(u => u.Rank > 0).ToArray();
        var rows = ranked.Select(u => (IReadOnlyList<Cell>)
        [
            new Cell(u.Rank.ToString(CultureInfo.InvariantCulture), TextAlign.Center), u.Unit.ShortName,
            Number(u.Counts.Total), Number(u.Counts.ClosedToDate), new Cell($"{u.Counts.CompletionRate:0.0}%", TextAlign.Right),
            Number(u.Counts.Lagging), Number(u.Counts.Overdue), Submission(u.Submission),
        ]).ToArray();
        doc.Add(new Table([1, 3.4f, 1.1f, 1.1f, 1.3f, 1, 1, 1.3f], [Header("排名", "单位", "牵头任务", "累计销号", "完成率", "滞后", "逾期", "报送")], rows));
        // No chart here: forty bars would repeat the ranking table beside it, and half of them stand at zero early in the year.
    }

    private void ComposeProblems(Document doc)
    {
        doc.Add(new Heading(1, "四、存在的问题"));
        doc.Add(new Heading(2, "（一）滞后任务"));
        if (figures.Lagging.Count == 0) doc.Add(new Paragraph("本月没有滞后或未启动的任务。"));
        else
        {
            doc.Add(new Paragraph($"共{figures.Lagging.Count}项任务滞后或未启动，请牵头单位抓紧整改："));
            doc.Add(TaskTable(figures.Lagging));
        }
        doc.Add(new Heading(2, "（二）逾期任务"));
        if (figures.Overdue.Count == 0) doc.Add(new Paragraph("本月没有超过完成时限仍未完成的任务。"));
        else
        {
            doc.Add(new Paragraph($"共{figures.Overdue.Count}项任务已过完成时限仍未销号："));
            doc.Add(TaskTable(figures.Overdue));
        }
        doc.Add(new Heading(2, "（三）报送情况"));
        var p = figures.Punctuality;
        doc.Add(new Paragraph(p.Missing.Count == 0 && p.Late.Count == 0
            ? "各单位均按时报送了月度报表。"
            : string.Concat(
                p.Late.Count > 0 ? $"逾期报送的单位：{string.Join("、", p.Late.Select(u => u.ShortName))}。" : "",
                p.Missing.Count > 0 ? $"未报送的单位：{string.Join("、", p.Missing.Select(u => u.ShortName))}，其牵头任务本月情况不明，在明细表中标为“未报送”。" : "")));
    }

    private void ComposeRequirements(Document doc)
    {
        doc.Add(new Heading(1, "五、下步工作要求"));
        foreach (var paragraph in texts.Requirements) doc.Add(new Paragraph(paragraph));
    }

    private void ComposeAttachment(Document doc)
    {
        doc.Add(new AttachmentHeading("附件", texts.AttachmentTitle));
        var states = figures.AllTasks;
        var rows = states.Select(s =>
        {
            return (IReadOnlyList<Cell>)
            [
                new Cell(s.Task.Code, TextAlign.Center), s.Task.Content, UnitName(s.Task.LeadUnit), new Cell(s.Task.DueText, TextAlign.Center),
                new Cell(StatusOf(s), TextAlign.Center), new Cell(s.LastPercent is { } p && s.ReportedThisMonth ? $"{p:0.#}%" : "—", TextAlign.Right),
            ];
        }).ToArray();
        doc.Add(new Table([1.3f, 5.2f, 2.1f, 2.4f, 2.3f, 1.2f], [Header("编号", "任务内容", "牵头单位", "完成时限", "状态", "进度")], rows) { FontSize = 10.5f });
    }

    private static string StatusOf(TaskState s) =>
        s.Closed ? $"已销号（{s.ClosedIn!.Value.Month}月）"
        : !s.ReportedThisMonth ? (s.Overdue ? "未报送·逾期" : "未报送")
        : s.LastStatus switch
        {
            ReportStatus.Lagging => s.Overdue ? "滞后·逾期" : "滞后",
            ReportStatus.NotStarted => s.Overdue ? "未启动·逾期" : "未启动",
            _ => s.Overdue ? "逾期" : "序时推进",
        };

    private Table TaskTable(IReadOnlyList<TaskState> states) => new(
        [1.3f, 5.3f, 2.2f, 2.4f, 1.9f],
        [Header("编号", "任务内容", "牵头单位", "完成时限", "最近状态")],
        states.Select(s => (IReadOnlyList<Cell>)[new Cell(s.Task.Code, TextAlign.Center), s.Task.Content, UnitName(s.Task.LeadUnit), new Cell(s.Task.DueText, TextAlign.Center), new Cell(s.LastStatus ?? "未报送", TextAlign.Center)]).ToArray())
    { FontSize = 10.5f };

    private string UnitName(string code) => unitNames.GetValueOrDefault(code, code);

    private static IReadOnlyList<Cell> Row(string label, TaskCounts c) =>
        [label, Number(c.Total), Number(c.ClosedToDate), Number(c.ClosedThisMonth), Number(c.OnSchedule), Number(c.Lagging), Number(c.Overdue), new Cell($"{c.CompletionRate:0.0}%", TextAlign.Right)];

    private static IReadOnlyList<Cell> Header(params string[] texts) => texts.Select(t => new Cell(t, TextAlign.Center)).ToArray();
    private static Cell Number(int n) => new(n.ToString(CultureInfo.InvariantCulture), TextAlign.Right);

    private static Cell Submission(SubmissionState s) => s switch
    {
        SubmissionState.OnTime => new Cell("按时", TextAlign.Center),
        SubmissionState.Late => new Cell("逾期", TextAlign.Center),
        SubmissionState.Missing => new Cell("未报送", TextAlign.Center),
        _ => new Cell("—", TextAlign.Center),
    };
}
