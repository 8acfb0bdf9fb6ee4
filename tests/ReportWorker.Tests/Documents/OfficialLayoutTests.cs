using ReportWorker.Documents.Components;
using ReportWorker.Documents.Rendering;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;

namespace ReportWorker.Tests.Documents;

/// <summary>
/// The GB/T 9704-2012 elements measured on rendered PDFs, in millimetres: the signature with and without a seal,
/// the 附件说明, the 信函格式, and the paginator's promises (no page with only a signature, a figure that does not
/// fit lets the text after it flow up).
/// </summary>
public sealed class OfficialLayoutTests
{
    private const double Mm = 72 / 25.4;
    private const double PageHeight = 297 * Mm, Left = 28 * Mm, Right = (28 + 156) * Mm, BlockTop = 37 * Mm;
    private static readonly DocumentMetadata Meta = new("t", "a", "s", new DateTimeOffset(2025, 4, 8, 9, 0, 0, TimeSpan.FromHours(8)));
    private const string Organ = "中共海南省委省直机关工作委员会";
    private static readonly double Pitch = 156.0 / 28 * Mm;

    private static Document Notice(int paragraphs, params IComponent[] tail)
    {
        var doc = new Document(Meta).Add(new Masthead(Organ, "琼直工委通〔2025〕3号")).Add(new Title("关于任务推进情况的通报")).Add(new Addressee("省直机关各单位："));
        for (var i = 0; i < paragraphs; i++) doc.Add(new Paragraph("各单位要对照年度任务清单，逐项倒排工期、压实责任，确保按期完成。对通报中的滞后和逾期任务，牵头单位要认真分析原因。"));
        return doc.Add(tail);
    }

    private static (Letter First, Letter Last) LineOf(Page page, string text)
    {
        var letters = page.Letters.Where(l => l.Value.Trim().Length > 0).ToArray();
        var joined = string.Concat(letters.Select(l => l.Value));
        var at = joined.LastIndexOf(text, StringComparison.Ordinal);
        Assert.True(at >= 0, $"“{text}” not on page {page.Number}");
        return (letters[at], letters[at + text.Length - 1]);
    }

    [Fact]
    public void Without_a_seal_the_organ_stands_two_characters_in_and_the_date_starts_two_characters_right_of_it()
    {
        using var pdf = PdfDocument.Open(Notice(2, new Signature(Organ, "2025年4月8日")).Render().Pdf);
        var page = pdf.GetPage(pdf.NumberOfPages);
        var organ = LineOf(page, Organ);
        var date = LineOf(page, "2025年4月8日");

        Assert.Equal(2 * Pitch, Right - organ.Last.BoundingBox.Right, 2.5);        // 右空二字 (the last glyph's ink is a little inside its box)
        Assert.Equal(2 * Pitch, date.First.StartBaseLine.X - organ.First.StartBaseLine.X, 0.5); // 首字比署名首字右移二字
        Assert.True(date.First.StartBaseLine.Y < organ.First.StartBaseLine.Y, "the date goes on the line under the organ");
    }

    [Fact]
    public void With_a_seal_the_date_stands_four_characters_in_the_organ_centred_over_it_and_the_seal_over_both()
    {
        var seal = SealPng();
        using var pdf = PdfDocument.Open(Notice(2, new Signature(Organ, "2025年4月8日") { Seal = seal }).Render().Pdf);
        var page = pdf.GetPage(pdf.NumberOfPages);
        var date = LineOf(page, "2025年4月8日");
        var organ = LineOf(page, Organ);

        Assert.Equal(4 * Pitch, Right - date.Last.StartBaseLine.X - date.Last.Width, 1.0);     // 成文日期右空四字
        var dateCentre = (date.First.StartBaseLine.X + date.Last.EndBaseLine.X) / 2;
        var organCentre = (organ.First.StartBaseLine.X + organ.Last.EndBaseLine.X) / 2;
        Assert.Equal(dateCentre, organCentre, 1.0);
        var image = Assert.Single(page.GetImages());
        Assert.Equal(42 * Mm, image.BoundingBox.Width, 1.0);
        Assert.Equal(dateCentre, image.BoundingBox.Left + image.BoundingBox.Width / 2, 1.0);
        // The words lie a little below the seal's centre.
        var wordsMiddle = (organ.First.StartBaseLine.Y + date.First.StartBaseLine.Y) / 2;
        Assert.InRange(image.BoundingBox.Bottom + image.BoundingBox.Height / 2 - wordsMiddle, 0, 0.3 * image.BoundingBox.Height);
    }

    [Fact]
    public void No_page_holds_only_the_signature_it_takes_the_last_lines_of_the_text_along()
    {
        // Enough paragraphs that the text ends at the very foot of a page, for some count among these.
        for (var n = 8; n < 16; n++)
        {
            var rendered = Notice(n, new Signature(Organ, "2025年4月8日") { Note = "联系人：王明，电话：0898-65300000" }).Render();
            var last = rendered.PageLines[^1];
            Assert.True(last.Count(l => l.StartsWith("各单位", StringComparison.Ordinal) || l.Contains("原因", StringComparison.Ordinal) || l.Contains('，')) >= 1,
                $"{n} paragraphs: the last page holds only “{string.Join(" / ", last)}”");
            Assert.Contains("（联系人：王明，电话：0898-65300000）", last);
        }
    }

    [Fact]
    public void An_attachment_note_says_附件_two_characters_in_and_aligns_a_long_name_under_its_first_character()
    {
        var name = "2025年3月省直机关党建工作任务推进情况明细表（含上年结转任务和各单位报送情况）";
        using var pdf = PdfDocument.Open(Notice(1, new AttachmentNote(name), new Signature(Organ, "2025年4月8日")).Render().Pdf);
        var page = pdf.GetPage(1);
        var label = LineOf(page, "附件：");
        Assert.Equal(Left + 2 * Pitch, label.First.StartBaseLine.X, 0.5);
        var first = LineOf(page, name[..6]);
        var second = page.Letters.Where(l => l.StartBaseLine.Y < first.First.StartBaseLine.Y - 5 && l.StartBaseLine.Y > first.First.StartBaseLine.Y - 40)
            .OrderBy(l => l.StartBaseLine.X).First();
        Assert.Equal(first.First.StartBaseLine.X, second.StartBaseLine.X, 0.5);
        Assert.True(label.First.StartBaseLine.Y > LineOf(page, Organ).First.StartBaseLine.Y, "附件说明 comes before the signature");
    }

    [Fact]
    public void A_letter_puts_the_organ_30_mm_below_the_page_top_the_number_flush_right_and_no_number_on_its_first_page()
    {
        var doc = new Document(Meta).Add(new Masthead(Organ, "琼直工委督单〔2025〕1-03号") { Format = MastheadFormat.Letter }).Add(new Title("督办单"));
        for (var i = 0; i < 30; i++) doc.Add(new Paragraph("请于2025年4月30日前完成整改，并在月报表中逐项填报整改措施、完成时间和佐证材料。"));
        using var pdf = PdfDocument.Open(doc.Render().Pdf);
        var first = pdf.GetPage(1);
        var organ = LineOf(first, Organ);
        Assert.Equal(30, (PageHeight - organ.First.BoundingBox.Top) / Mm, 1.0);
        var number = LineOf(first, "琼直工委督单〔2025〕1-03号");
        Assert.Equal(Right, number.Last.EndBaseLine.X, 1.0);
        Assert.DoesNotContain(first.Letters, l => l.Value == "—");
        Assert.Contains(pdf.GetPage(2).Letters, l => l.Value == "—");
    }

    [Fact]
    public void A_figure_that_does_not_fit_opens_the_next_page_and_the_text_after_it_flows_up()
    {
        var floated = 0;
        for (var n = 1; n <= 12; n++)
        {
            var rendered = Notice(n).Add(new BarChart(["A 突出政治建设", "B 围绕封关运作"], [15.4, 9.1], 150, 90) { Horizontal = true, ValueFormat = "0.0", Caption = "图1　各类别任务完成率（%）" })
                .Add(new Paragraph("这一段在图的后面，图放不下时先排到本页。")).Render();
            var pages = rendered.PageLines.ToList();
            var chart = pages.FindIndex(p => p.Contains("图1　各类别任务完成率（%）"));
            var text = pages.FindIndex(p => p.Any(l => l.StartsWith("这一段在图的后面", StringComparison.Ordinal)));
            // The text never goes after a page the figure left half empty: it is on the figure's page or the one before.
            Assert.InRange(text, chart - 1, chart);
            if (text < chart) floated++;
        }
        Assert.True(floated > 0, "no paragraph count made the figure float");
    }

    [Fact]
    public void The_closing_block_has_035_mm_outer_rules_a_025_mm_inner_rule_and_its_last_rule_on_the_text_blocks_lower_edge()
    {
        using var pdf = PdfDocument.Open(Notice(1, new ClosingBlock("省委办公厅，省委组织部。", "中共海南省委省直机关工作委员会办公室", "2025年4月8日印发")).Render().Pdf);
        var page = pdf.GetPage(pdf.NumberOfPages);
        // Rules as wide as the text block, bottom to top.
        var rules = page.Paths.Where(p => p.IsStroked && p.GetBoundingRectangle() is { } r && Math.Abs(r.Width - 156 * Mm) < 1 && r.Height < 1)
            .Select(p => (Y: p.GetBoundingRectangle()!.Value.Bottom, Width: (double)p.LineWidth)).Where(r => r.Y < PageHeight / 2).OrderBy(r => r.Y).ToArray(); // not the masthead's red rule

        Assert.Equal(3, rules.Length);
        Assert.Equal(PageHeight - (37 + 225) * Mm, rules[0].Y, 0.3);
        Assert.Equal(0.35 * Mm, rules[0].Width, 0.05);
        Assert.Equal(0.25 * Mm, rules[1].Width, 0.05);
        Assert.Equal(0.35 * Mm, rules[2].Width, 0.05);
    }

    private static byte[] SealPng()
    {
        // A 1×1 red PNG: what matters is where it is drawn and how large.
        return Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==");
    }
}
