using ReportWorker.Documents.Components;
using ReportWorker.Documents.Layout;
using ReportWorker.Documents.Rendering;
using ReportWorker.Documents.Text;

namespace ReportWorker.Documents.Samples;

/// <summary>
/// A notice that uses every component: masthead, title, addressee, three levels of headings, paragraphs
/// with mixed Chinese and Latin, a table over three pages, a chart, an attachment and the closing block.
/// Used by the sample command, the tests and the benchmark.
/// </summary>
public static class SampleDocument
{
    private static readonly string[] Units = ["省委办公厅", "省委组织部", "省委宣传部", "省发展改革委", "省教育厅", "省审计厅", "海口海关", "省税务局", "省财政厅", "省卫生健康委"];

    public static Document Create(int tableRows = 60, DateTimeOffset? created = null, Fonts.FontSet? fonts = null)
    {
        var when = created ?? new DateTimeOffset(2025, 4, 8, 9, 0, 0, TimeSpan.FromHours(8));
        var doc = new Document(new DocumentMetadata("关于2025年3月省直机关党建工作任务推进情况的通报", "中共海南省委省直机关工作委员会", "月通报 2025年3月", when), fonts: fonts);
        doc.Add(new Masthead("中共海南省委省直机关工作委员会", "琼直工委通〔2025〕3号"))
           .Add(new Title("关于2025年3月省直机关党建工作任务推进情况的通报"))
           .Add(new Addressee("省直机关各单位："))
           .Add(new Paragraph("为推动年度党建工作任务清单落地见效，根据“月通报、季督办、年考核”工作机制，现将2025年3月任务推进情况通报如下。"))
           .Add(new Heading(1, "一、总体情况"))
           .Add(new Paragraph("截至2025年3月31日，年度任务清单共298项，其中已销号32项，本月销号18项，完成率10.7%；序时推进235项，滞后或未启动31项，逾期28项。应报送单位40个，按时报送35个，逾期报送4个，未报送1个（海口海关）。联系邮箱：dangjian-report@example.gov.cn，任务编号如C-017、A-001等以清单为准。"))
           .Add(new Heading(2, "（一）分类推进情况"))
           .Add(new Paragraph("从类别看，A类“突出政治建设”任务完成率最高，达到77.2%；B类“围绕封关运作”任务推进较快，但仍有个别任务滞后。"))
           .Add(new BarChart(["A 政治建设", "B 封关运作", "C 高质量发展", "D 对外开放", "E 民生", "F 社会治理"], [77.2, 45.0, 38.5, 30.1, 52.3, 41.0], 150, 70) { ValueAxisTitle = "完成率（%）" })
           .Add(new Heading(3, "1.各单位推进情况"))
           .Add(new Paragraph("各单位推进情况见下表。表中“完成率”为已销号任务数占牵头任务数的比例，排名按完成率从高到低，完成率相同的按滞后任务数从少到多排列。"))
           .Add(new Table([1.1f, 3.2f, 1.2f, 1.2f, 1.2f, 4f],
               [[new Cell("序号", TextAlign.Center), new Cell("单位", TextAlign.Center), new Cell("牵头任务", TextAlign.Center), new Cell("已销号", TextAlign.Center), new Cell("完成率", TextAlign.Center), new Cell("存在问题", TextAlign.Center)]],
               Enumerable.Range(1, tableRows).Select(i => (IReadOnlyList<Cell>)
               [
                   new Cell(i.ToString(), TextAlign.Center), Units[i % Units.Length], new Cell($"{5 + i % 9}", TextAlign.Right), new Cell($"{i % 5}", TextAlign.Right),
                   new Cell($"{(i % 5) * 100.0 / (5 + i % 9):0.0}%", TextAlign.Right),
                   i % 7 == 0 ? new Cell("任务涉及多个部门协调，配合单位意见尚未反馈；受人员调整影响，方案报批晚于计划，预计下月完成。") : new Cell(i % 3 == 0 ? "无" : "按序时推进。"),
               ]).ToArray()))
           .Add(new Heading(1, "二、下步工作要求"))
           .Add(new Paragraph("各单位要对照任务清单，逐项倒排工期，确保按期完成；对滞后任务要认真分析原因，制定整改措施，于4月15日前报工委办公室。"))
           .Add(new AttachmentNote("任务推进情况明细表"))
           .Add(new Signature("中共海南省委省直机关工作委员会", "2025年4月8日"))
           .Add(new AttachmentHeading("附件", "任务推进情况明细表"))
           .Add(new Paragraph("（明细略）"))
           .Add(new ClosingBlock("省委办公厅，省委组织部。", "中共海南省委省直机关工作委员会办公室", "2025年4月8日印发"));
        return doc;
    }
}
