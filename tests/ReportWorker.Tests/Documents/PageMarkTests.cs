using ReportWorker.Documents.Components;
using ReportWorker.Documents.Rendering;
using UglyToad.PdfPig;

namespace ReportWorker.Tests.Documents;

public sealed class PageMarkTests
{
    private static readonly PageMark Draft = new("草稿　仅供审阅") { Header = "草稿　仅供审阅　不得印发" };

    private static Document ThreePages(PageMark? mark)
    {
        var rows = Enumerable.Range(1, 80).Select(i => (IReadOnlyList<Cell>)[new Cell($"R{i:D3}"), new Cell($"第{i}行")]).ToArray();
        return new Document(new DocumentMetadata("t", "a", "s", new DateTimeOffset(2025, 4, 8, 9, 0, 0, TimeSpan.FromHours(8))))
        {
            Mark = mark,
        }.Add(new Masthead("中共海南省委省直机关工作委员会", "琼直工委通〔2025〕×号")).Add(new Table([1, 5], [[new Cell("编号"), new Cell("内容")]], rows));
    }

    // Without spaces, the ideographic ones of the mark included.
    private static string PageText(PdfDocument pdf, int page) => string.Concat(pdf.GetPage(page).Letters.Select(l => l.Value)).Replace(" ", "").Replace("\u3000", "");

    [Fact]
    public void Every_page_carries_the_diagonal_mark_and_the_header_line_and_the_content_is_unchanged()
    {
        var marked = ThreePages(Draft).Render();
        var plain = ThreePages(null).Render();

        using var pdf = PdfDocument.Open(marked.Pdf);
        Assert.True(pdf.NumberOfPages >= 3, $"{pdf.NumberOfPages} pages");
        Assert.Equal(plain.PageCount, marked.PageCount);
        Assert.Equal(plain.PageLines, marked.PageLines);
        for (var p = 1; p <= pdf.NumberOfPages; p++)
        {
            var text = PageText(pdf, p);
            Assert.Contains("草稿仅供审阅不得印发", text);
            // The diagonal word: 80 pt letters, turned off the horizontal.
            var big = pdf.GetPage(p).Letters.Where(l => l.PointSize > 70).ToArray();
            Assert.Equal("草稿仅供审阅", string.Concat(big.Select(l => l.Value)).Replace("\u3000", ""));
            Assert.All(big, l => Assert.NotEqual(l.StartBaseLine.Y, l.EndBaseLine.Y, 1));
        }
        using var unmarked = PdfDocument.Open(plain.Pdf);
        Assert.DoesNotContain("草稿", string.Concat(unmarked.GetPages().SelectMany(p => p.Letters).Select(l => l.Value)));
    }

    [Fact]
    public void The_same_document_and_mark_give_the_same_bytes()
    {
        Assert.Equal(ThreePages(Draft).Render().Pdf, ThreePages(Draft).Render().Pdf);
    }
}
