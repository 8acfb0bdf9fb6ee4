using ReportWorker.Documents.Components;
using ReportWorker.Documents.Fonts;
using ReportWorker.Documents.Layout;
using ReportWorker.Documents.Rendering;
using ReportWorker.Documents.Text;
using UglyToad.PdfPig;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;

namespace ReportWorker.Tests.Documents;

/// <summary>Justified lines copy out of the PDF as they were laid out: no spaces where a line was widened.</summary>
public sealed class CopiedTextTests
{
    // The 月通报's 总体情况: numbers that do not fit the grid, and a long atom that used to move down and leave its line spaced out.
    private const string Overall =
        "截至2025年3月31日，年度任务清单共298项（其中有明确完成时限的195项），累计销号31项，本月销号17项，完成率15.9%；" +
        "序时推进235项，滞后或未启动32项，逾期未完成29项，因单位未报送而情况不明31项。本月应报送单位40个，按时报送35个，" +
        "未报送5个（省委宣传部、省发展改革委、省市场监督管理局、海口海关、省住房城乡建设厅）。";

    private const string Quoted =
        "为推动2025年度省直机关党建工作任务清单落地见效，根据“月通报、季督办、年考核”工作机制，现将任务推进情况通报如下。" +
        "联系邮箱：dangjian-report@example.gov.cn，状态为“未报送·逾期”的任务编号如C-017、A-001等以《年度党建工作任务清单》为准。";

    private static RenderedDocument Render(params string[] paragraphs)
    {
        var doc = new Document(new DocumentMetadata("t", "a", "s", DateTimeOffset.UnixEpoch));
        foreach (var p in paragraphs) doc.Add(new Paragraph(p));
        return doc.Render();
    }

    [Fact]
    public void Pdftotext_gives_back_every_body_line_exactly()
    {
        var rendered = Render(Overall, Quoted);
        var laidOut = rendered.PageLines.Single();
        var copied = PdfToText.Lines(rendered.Pdf).Where(l => l.Length > 0).Take(laidOut.Count).ToArray();
        Assert.Equal(laidOut, copied);
    }

    [Fact]
    public void PdfPig_gives_back_every_body_line_exactly()
    {
        var rendered = Render(Overall, Quoted);
        using var pdf = PdfDocument.Open(rendered.Pdf);
        var copied = ContentOrderTextExtractor.GetText(pdf.GetPage(1)).Split('\n').Where(l => l.Length > 0).Take(rendered.PageLines[0].Count);
        Assert.Equal(rendered.PageLines[0], copied);
    }

    [Fact]
    public void A_long_number_that_does_not_fit_is_made_room_for_by_squeezing_punctuation_not_by_spacing_the_line_out()
    {
        var breaker = new LineBreaker(FontSet.Default);
        var page = PageSetup.GbT9704;
        var body = new TextStyle(FontRole.Body, page.BodySize, ReportWorker.Documents.Rgb.Black, page.CharPitch);
        var lines = breaker.Break(Overall, body, page.TextWidth, 2 * page.CharPitch, TextAlign.Justify, new HashSet<int>());

        // The third line used to end before 29项， and spread 1.5 characters of blank over its gaps.
        Assert.Equal("15.9%；序时推进235项，滞后或未启动32项，逾期未完成29项，", lines[2].Text);
        Assert.Equal(page.TextWidth, lines[2].Width, 0.01f);
        Assert.All(lines, l => Assert.True(LineBreakerTests.WidestGap(l) <= LineSetter.MaxStretchEm * body.Size + 0.01f, l.Text));
    }
}
