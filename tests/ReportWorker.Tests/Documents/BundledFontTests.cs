using ReportWorker.Documents.Fonts;
using ReportWorker.Documents.Samples;
using UglyToad.PdfPig;

namespace ReportWorker.Tests.Documents;

/// <summary>The bundled fonts stand in for the GB/T 9704 faces: each role's font, and what each covers.</summary>
public sealed class BundledFontTests
{
    [Fact]
    public void Each_role_uses_the_bundled_font_chosen_for_its_gbt9704_face()
    {
        var fonts = FontConfiguration.Default;
        string File(FontRole role) => Path.GetFileName(fonts.SpecOf(role));

        Assert.Equal("NotoSerifSC-Black.ttf", File(FontRole.Title));          // 小标宋
        Assert.Equal("NotoSerifSC-Regular.ttf", File(FontRole.Body));          // 仿宋 (none free)
        Assert.Equal("NotoSansSC-Regular.ttf", File(FontRole.Heading1));       // 黑体
        Assert.Equal("WenKaiGB2312-Regular.ttf", File(FontRole.Heading2));     // 楷体
        Assert.Equal("NotoSerifSC-Regular.ttf", File(FontRole.Number));
    }

    [Fact]
    public void The_kaiti_and_the_black_weight_have_every_character_the_body_font_has()
    {
        var fonts = FontConfiguration.Default;
        var body = FontFace.Load(fonts.SpecOf(FontRole.Body));
        var characters = Enumerable.Range(0x20, 0x10000 - 0x20).Where(c => c is < 0xD800 or > 0xDFFF && body.Has(c)).ToArray();

        // The set build_fonts.py keeps: GB2312 (6,763 hanzi and its symbols) plus the punctuation documents use.
        Assert.InRange(characters.Length, 7500, 7700);
        Assert.Contains('—', characters.Select(c => (char)c));
        Assert.Contains('〇', characters.Select(c => (char)c));
        foreach (var role in new[] { FontRole.Heading2, FontRole.Title })
        {
            var face = FontFace.Load(fonts.SpecOf(role));
            var missing = string.Concat(characters.Where(c => !face.Has(c)).Select(char.ConvertFromUtf32));
            Assert.True(missing.Length == 0, $"{Path.GetFileName(face.Path)} lacks {missing}");
        }
    }

    [Fact]
    public void The_sample_draws_its_title_in_the_black_weight_and_its_second_level_heading_in_wenkai()
    {
        using var pdf = PdfDocument.Open(SampleDocument.Create(tableRows: 0).Render().Pdf);
        // The masthead and title fill most of page 1 (the organ 35 mm down): the heading is on a later page.
        var firstPage = pdf.GetPage(1).Letters.Where(l => !string.IsNullOrWhiteSpace(l.Value)).ToArray();
        var letters = pdf.GetPages().SelectMany(p => p.Letters).Where(l => !string.IsNullOrWhiteSpace(l.Value)).ToArray();
        string DrawnIn(string font, IEnumerable<UglyToad.PdfPig.Content.Letter>? among = null) =>
            string.Concat((among ?? letters).Where(l => l.FontName?.EndsWith("+" + font, StringComparison.Ordinal) == true).Select(l => l.Value));

        Assert.Equal("中共海南省委省直机关工作委员会" + "关于2025年3月省直机关党建工作任务推进情况的通报", DrawnIn("NotoSerifCJKsc-Black", firstPage));
        Assert.Equal("（一）分类推进情况", DrawnIn("WenKaiGB2312-Regular"));
    }
}
