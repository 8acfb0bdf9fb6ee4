using System.Text;
using System.Text.RegularExpressions;
using ReportWorker.Documents.Components;
using ReportWorker.Documents.Fonts;
using ReportWorker.Documents.Layout;
using ReportWorker.Documents.Rendering;
using ReportWorker.Documents.Samples;
using UglyToad.PdfPig;

namespace ReportWorker.Tests.Documents;

public sealed class PdfOutputTests
{
    private const float Mm = 72f / 25.4f;
    private static readonly Lazy<RenderedDocument> Sample = new(() => SampleDocument.Create().Render());

    [Fact]
    public void Text_read_back_by_PdfPig_is_the_text_laid_out_in_chinese_characters_not_radicals()
    {
        var rendered = Sample.Value;
        using var pdf = PdfDocument.Open(rendered.Pdf);

        Assert.Equal(rendered.PageCount, pdf.NumberOfPages);
        for (var p = 0; p < rendered.PageCount; p++)
        {
            // Every laid-out line is found, in order, in what the reader extracts (charts add their own labels).
            var extracted = string.Concat(pdf.GetPage(p + 1).Letters.Select(l => l.Value)).Replace(" ", "");
            var at = 0;
            foreach (var line in rendered.PageLines[p].Select(l => l.Replace(" ", "")).Where(l => l.Length > 0))
            {
                var found = extracted.IndexOf(line, at, StringComparison.Ordinal);
                Assert.True(found >= 0, $"page {p + 1}: “{line}” not found after position {at}");
                at = found + line.Length;
            }
        }
        var all = string.Concat(pdf.GetPages().SelectMany(p => p.Letters).Select(l => l.Value));
        Assert.Contains("关于2025年3月省直机关党建工作任务推进情况的通报", all);
        Assert.DoesNotContain(all, c => c is >= '\u2E80' and <= '\u2FDF'); // radicals: what CFF fonts turn into
    }

    [Fact]
    public void Embeds_only_subset_truetype_cid_fonts_one_per_face()
    {
        var text = Encoding.Latin1.GetString(Sample.Value.Pdf);

        var baseFonts = Regex.Matches(text, @"/BaseFont /([A-Z]{6})\+([^\s/]+)").Select(m => m.Groups[2].Value).ToArray();
        Assert.Equal(["NotoSansCJKsc-Regular", "NotoSerifCJKsc-Black", "NotoSerifCJKsc-Regular", "WenKaiGB2312-Regular"], baseFonts.Distinct().Order(StringComparer.Ordinal));
        Assert.Equal(4, Regex.Matches(text, "/FontFile2").Count);
        Assert.Equal(4, Regex.Matches(text, "/CIDFontType2").Count);
        Assert.DoesNotContain("/FontFile3", text);
        Assert.DoesNotContain("/Type3", text);
    }

    [Fact]
    public void Body_text_sits_within_half_a_millimetre_of_the_gbt9704_text_block()
    {
        var rendered = SampleDocument.Create(tableRows: 0).Render();
        using var pdf = PdfDocument.Open(rendered.Pdf);
        var page = pdf.GetPage(1);
        var height = (float)page.Height;
        // Body lines: 16 pt letters below the masthead. Left edge of the origins, right edge of the advances.
        var body = page.Letters.Where(l => Math.Abs(l.PointSize - 16) < 0.1 && height - l.StartBaseLine.Y > 100 * Mm).ToArray();
        var lines = body.GroupBy(l => Math.Round(l.StartBaseLine.Y, 1)).ToArray();
        var left = lines.Min(g => g.Min(l => l.StartBaseLine.X));
        var right = lines.Max(g => g.Max(l => l.EndBaseLine.X));
        Assert.Equal(28 * Mm, left, 0.5 * Mm);
        Assert.Equal((28 + 156) * Mm, right, 0.5 * Mm);
        // Every letter of the page lies inside the text block (37 mm from the top, 225 mm tall), page numbers aside.
        var text = page.Letters.Where(l => l.PointSize > 14.5).ToArray();
        Assert.All(text, l => Assert.InRange(height - l.BoundingBox.Top, 37 * Mm - 0.5 * Mm, (37 + 225) * Mm));
    }

    [Fact]
    public void A_full_page_of_paragraphs_holds_22_lines()
    {
        var doc = new Document(new DocumentMetadata("t", "a", "s", DateTimeOffset.UnixEpoch));
        for (var i = 0; i < 12; i++) doc.Add(new Paragraph(string.Concat(Enumerable.Repeat("机关党建工作任务推进情况通报", 8))));
        var rendered = doc.Render();
        using var pdf = PdfDocument.Open(rendered.Pdf);
        var baselines = pdf.GetPage(1).Letters.Where(l => Math.Abs(l.PointSize - 16) < 0.1).Select(l => Math.Round(l.StartBaseLine.Y, 1)).Distinct().Count();
        Assert.Equal(22, baselines);
        Assert.Equal(22, rendered.PageLines[0].Count(l => l.Length > 0 && !l.StartsWith('—')));
    }

    [Fact]
    public void A_table_longer_than_three_pages_repeats_its_header_moves_rows_whole_and_cuts_only_a_row_taller_than_a_page()
    {
        var sentence = "任务涉及多个部门协调，配合单位意见尚未反馈。";
        var tall = string.Concat(Enumerable.Repeat(sentence, 20));   // about 25 lines: tall, but shorter than a page
        var huge = string.Concat(Enumerable.Repeat("因人员调整影响，方案报批晚于计划。", 80)); // taller than a whole page
        var rows = Enumerable.Range(1, 120).Select(i => (IReadOnlyList<Cell>)[new Cell($"R{i:D3}"), new Cell(i == 50 ? tall : i == 90 ? huge : $"第{i}行")]).ToArray();
        var doc = new Document(new DocumentMetadata("t", "a", "s", DateTimeOffset.UnixEpoch))
            .Add(new Table([1, 5], [[new Cell("编号"), new Cell("内容")]], rows));

        var rendered = doc.Render();

        Assert.True(rendered.PageCount >= 4, $"{rendered.PageCount} pages");
        Assert.All(rendered.PageLines, lines => Assert.Equal("编号", lines[0]));
        var numbers = rendered.PageLines.SelectMany(l => l).Where(l => Regex.IsMatch(l, @"^R\d{3}$")).ToArray();
        Assert.Equal(Enumerable.Range(1, 120).Select(i => $"R{i:D3}"), numbers);
        // Cell text other than the numbers and the one-line rows, page by page.
        string CellText(IReadOnlyList<string> page) => string.Concat(page.Where(l => l is not ("编号" or "内容") && !Regex.IsMatch(l, @"^(R\d{3}|第\d+行)$")));
        var texts = rendered.PageLines.Select(CellText).ToArray();
        // Row 50 moves whole: all its text on the one page that holds its number.
        var row50 = rendered.PageLines.ToList().FindIndex(p => p.Contains("R050"));
        Assert.Equal(tall, texts[row50]);
        // Row 90 is taller than a page: it alone is cut, continuing on the next page in order, nothing lost.
        Assert.Equal(tall + huge, string.Concat(texts));
        Assert.True(texts.Count(t => t.Length > 0) >= 3, string.Join(" | ", texts.Select(t => t.Length)));
    }

    [Fact]
    public void A_character_no_font_has_is_reported_not_drawn()
    {
        var doc = new Document(new DocumentMetadata("t", "a", "s", DateTimeOffset.UnixEpoch)).Add(new Paragraph("联络员：张喆、李玥"));

        var rendered = doc.Render();

        Assert.Equal("喆玥", rendered.MissingText);
        using var pdf = PdfDocument.Open(rendered.Pdf);
        var text = string.Concat(pdf.GetPage(1).Letters.Select(l => l.Value));
        Assert.Contains("联络员：张、李", text);
        Assert.DoesNotContain("喆", text);
    }

    [Fact]
    public void A_character_missing_from_the_role_font_is_drawn_from_the_fallback_chain()
    {
        var folder = Directory.CreateTempSubdirectory("rw-fonts-").FullName;
        try
        {
            // A body font that only knows ASCII, with the bundled serif as the fallback.
            var serif = FontConfiguration.Default.Roles[FontRole.Body];
            var face = FontFace.Load(serif);
            var small = Path.Combine(folder, "ascii.ttf");
            File.WriteAllBytes(small, face.Subset(Enumerable.Range(0x20, 0x5F)));
            var roles = FontConfiguration.Default.Roles.ToDictionary(r => r.Key, r => r.Key == FontRole.Body ? small : r.Value);
            var doc = new Document(new DocumentMetadata("t", "a", "s", DateTimeOffset.UnixEpoch), fonts: FontSet.For(new FontConfiguration(roles, [serif])))
                .Add(new Paragraph("ABC 中文 123"));

            var rendered = doc.Render();

            Assert.Empty(rendered.MissingCharacters);
            using var pdf = PdfDocument.Open(rendered.Pdf);
            Assert.Contains("ABC中文123", string.Concat(pdf.GetPage(1).Letters.Select(l => l.Value)).Replace(" ", ""));
        }
        finally { Directory.Delete(folder, true); }
    }

    [Fact]
    public void Refuses_a_cff_font_whose_text_would_copy_as_radicals()
    {
        const string cff = "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc";
        if (!File.Exists(cff)) Assert.Skip("fonts-noto-cjk is not installed");
        var ex = Assert.Throws<NotSupportedException>(() => FontFace.Load(cff + "#2"));
        Assert.Contains("CFF", ex.Message);
    }

    [Fact]
    public void Same_input_and_clock_give_the_same_bytes()
    {
        var a = SampleDocument.Create(tableRows: 20).Render().Pdf;
        var b = SampleDocument.Create(tableRows: 20).Render().Pdf;
        // On failure, show the first difference outside the ID (which is a hash of everything else).
        var ta = Regex.Replace(Encoding.Latin1.GetString(a), "uuid:[0-9a-f-]{36}|<[0-9A-F]{32}>", "ID");
        var tb = Regex.Replace(Encoding.Latin1.GetString(b), "uuid:[0-9a-f-]{36}|<[0-9A-F]{32}>", "ID");
        var at = Enumerable.Range(0, Math.Min(ta.Length, tb.Length)).FirstOrDefault(i => ta[i] != tb[i], -1);
        Assert.True(at < 0 && ta.Length == tb.Length, at < 0 ? $"lengths {ta.Length} {tb.Length}" : $"@{at}: «{ta.Substring(Math.Max(0, at - 80), 160)}» vs «{tb.Substring(Math.Max(0, at - 80), 160)}»");
        Assert.Equal(a, b);
    }

    [Fact]
    public void Metadata_has_title_author_and_a_creation_time_in_asia_shanghai_and_the_pdfa_flag()
    {
        using var pdf = PdfDocument.Open(Sample.Value.Pdf);
        Assert.Equal("关于2025年3月省直机关党建工作任务推进情况的通报", pdf.Information.Title);
        Assert.Equal("中共海南省委省直机关工作委员会", pdf.Information.Author);
        Assert.Equal("D:20250408090000+08'00'", pdf.Information.CreationDate);
        var raw = Encoding.Latin1.GetString(Sample.Value.Pdf);
        Assert.Contains("pdfaid:part", raw);
        Assert.Contains("2025-04-08T09:00:00+08:00", raw);
    }

    [Fact]
    public void Headings_and_attachments_are_bookmarks_pointing_at_their_pages()
    {
        using var pdf = PdfDocument.Open(Sample.Value.Pdf);

        Assert.True(pdf.TryGetBookmarks(out var bookmarks));
        var roots = bookmarks.Roots.ToArray();
        Assert.Equal(["关于2025年3月省直机关党建工作任务推进情况的通报", "附件　任务推进情况明细表"], roots.Select(r => r.Title));
        Assert.Equal(["一、总体情况", "二、下步工作要求"], roots[0].Children.Select(c => c.Title));
        Assert.Equal("（一）分类推进情况", roots[0].Children[0].Children.Single().Title);
        Assert.Equal("1.各单位推进情况", roots[0].Children[0].Children.Single().Children.Single().Title);
        var attachment = Assert.IsType<UglyToad.PdfPig.Outline.DocumentBookmarkNode>(roots[1]);
        Assert.Equal(Sample.Value.PageCount, attachment.PageNumber);
    }

    [Fact]
    public void Page_numbers_are_dashed_odd_pages_right_even_pages_left()
    {
        using var pdf = PdfDocument.Open(Sample.Value.Pdf);
        for (var n = 1; n <= 2; n++)
        {
            var page = pdf.GetPage(n);
            var number = page.Letters.Where(l => Math.Abs(l.PointSize - 14) < 0.1 && l.StartBaseLine.Y < 95).ToArray();
            Assert.Equal($"—{n}—", string.Concat(number.Select(l => l.Value)).Replace(" ", ""));
            var x = number.Average(l => l.StartBaseLine.X);
            if (n % 2 == 1) Assert.True(x > page.Width / 2); else Assert.True(x < page.Width / 2);
        }
    }

    [Fact]
    public void Saves_atomically_and_renders_any_page_as_a_png()
    {
        var folder = Directory.CreateTempSubdirectory("rw-pdf-").FullName;
        try
        {
            var path = Path.Combine(folder, "notice.pdf");
            File.WriteAllText(path, "old");
            Sample.Value.Save(path);
            Assert.Equal(Sample.Value.Pdf, File.ReadAllBytes(path));
            Assert.Equal(["notice.pdf"], Directory.GetFiles(folder).Select(Path.GetFileName));

            var png = Sample.Value.RenderPng(1, dpi: 72);
            Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, png[..4]);
            using var image = SkiaSharp.SKBitmap.Decode(png);
            Assert.Equal(596, image.Width);
            Assert.Equal(842, image.Height);
        }
        finally { Directory.Delete(folder, true); }
    }
}

public sealed class PageOptionsTests
{
    [Fact]
    public void Chinese_page_numbers_show_the_total_measured_before_drawing()
    {
        var doc = new Document(new DocumentMetadata("t", "a", "s", DateTimeOffset.UnixEpoch), PageSetup.GbT9704 with { PageNumbers = PageNumberStyle.ChineseTotal });
        for (var i = 0; i < 3; i++) doc.Add(new Paragraph("页码测试。")).Add(new PageBreak());
        doc.Add(new Paragraph("最后一页。"));

        var rendered = doc.Render();

        using var pdf = PdfDocument.Open(rendered.Pdf);
        Assert.Equal(4, pdf.NumberOfPages);
        for (var n = 1; n <= 4; n++)
            Assert.Contains($"第{n}页共4页", string.Concat(pdf.GetPage(n).Letters.Select(l => l.Value)).Replace(" ", ""));
    }

    [Fact]
    public void An_image_is_drawn_at_its_width_and_keeps_its_aspect_ratio()
    {
        using var bitmap = new SkiaSharp.SKBitmap(200, 100);
        using (var canvas = new SkiaSharp.SKCanvas(bitmap)) canvas.Clear(SkiaSharp.SKColors.Red);
        using var png = SkiaSharp.SKImage.FromBitmap(bitmap).Encode(SkiaSharp.SKEncodedImageFormat.Png, 100);
        var doc = new Document(new DocumentMetadata("t", "a", "s", DateTimeOffset.UnixEpoch)).Add(new ReportWorker.Documents.Components.Image(png.ToArray(), 100));

        var rendered = doc.Render();

        using var pdf = PdfDocument.Open(rendered.Pdf);
        var image = Assert.Single(pdf.GetPage(1).GetImages());
        Assert.Equal(100 * 72 / 25.4, image.BoundingBox.Width, 0.5);
        Assert.Equal(50 * 72 / 25.4, image.BoundingBox.Height, 0.5);
    }
}
