using ReportWorker.Documents.Fonts;
using ReportWorker.Documents.Layout;
using ReportWorker.Documents.Text;
using SkiaSharp;

namespace ReportWorker.Documents.Rendering;

/// <summary>Draws laid-out pages into a PDF with one subset TrueType font per face used.</summary>
internal static class PdfRenderer
{
    public static RenderedDocument Render(LaidOutDocument layout)
    {
        var fonts = layout.Fonts;
        var usage = new GlyphUsage();
        foreach (var page in layout.Pages)
            foreach (var placed in page) placed.Item.CollectGlyphs(usage);
        var numbers = PageNumbers.Lines(layout, fonts);
        foreach (var line in numbers.Where(l => l is not null))
            foreach (var g in line!.Glyphs) usage.Add(g.Face, g.Codepoint);
        foreach (var line in layout.Mark?.Lines ?? [])
            foreach (var g in line.Glyphs) usage.Add(g.Face, g.Codepoint);

        var typefaces = new SKTypeface[fonts.Faces.Count];
        var subsets = new List<SKTypeface>();
        try
        {
            for (var f = 0; f < typefaces.Length; f++)
            {
                if (!usage.ByFace.TryGetValue(f, out var used)) { typefaces[f] = fonts.Faces[f].Typeface; continue; }
                var bytes = fonts.Faces[f].Subset(used.Order());
                using var data = SKData.CreateCopy(bytes);
                typefaces[f] = SKTypeface.FromData(data) ?? throw new InvalidOperationException($"Subset of {fonts.Faces[f].Path} is unreadable.");
                subsets.Add(typefaces[f]);
            }

            using var stream = new MemoryStream();
            var metadata = layout.Metadata;
            using (var pdf = SKDocument.CreatePdf(stream, PdfDates.SkiaMetadata(metadata)))
            {
                for (var p = 0; p < layout.Pages.Count; p++)
                {
                    var canvas = pdf.BeginPage(layout.Page.PageWidth, layout.Page.PageHeight);
                    using (var context = new DrawContext(canvas, typefaces, fonts, layout.Page))
                        DrawPage(context, layout, p, numbers[p]);
                    pdf.EndPage();
                }
                pdf.Close();
            }
            var bytesOut = PdfPostProcessor.Finish(stream.ToArray(), metadata, Bookmarks(layout), layout.Page.PageHeight);
            return new RenderedDocument(bytesOut, layout);
        }
        finally
        {
            foreach (var t in subsets) t.Dispose();
        }
    }

    internal static void DrawPage(DrawContext context, LaidOutDocument layout, int index, TextLine? number)
    {
        var page = layout.Page;
        foreach (var placed in layout.Pages[index])
            placed.Item.Draw(context, page.Left, page.Top + placed.Y);
        if (layout.Mark is { } mark) PageMarks.Draw(context, page, mark);
        if (number is null || layout.Pages[index].Any(p => p.Item.HidesPageNumber)) return;
        var style = number.Style;
        // GB/T 9704 7.5: the dash's upper edge 7 mm below the text block; odd pages right, even pages left, one character in.
        var dash = number.Glyphs.FirstOrDefault(g => g.Codepoint == '—');
        var font = context.Font(dash.Face, style.Size);
        font.MeasureText("—", out var ink);
        var baseline = page.Top + page.TextHeight + 7 * PageSetup.PointsPerMm - ink.Top;
        var x = page.PageNumbers == PageNumberStyle.ChineseTotal ? page.Left + (page.TextWidth - number.Width) / 2
            : index % 2 == 0 ? page.Left + page.TextWidth - style.Size - number.Width
            : page.Left + style.Size;
        if (page.PageNumbers == PageNumberStyle.ChineseTotal) baseline = page.Top + page.TextHeight + 7 * PageSetup.PointsPerMm + style.Size * 0.8f;
        context.DrawLine(number, x, baseline);
    }

    private static IReadOnlyList<(int Page, float Y, int Level, string Text)> Bookmarks(LaidOutDocument layout) =>
        layout.Pages.SelectMany((page, p) => page.Where(i => i.Item.Bookmark is not null)
            .Select(i => (p, layout.Page.Top + i.Y, i.Item.Bookmark!.Value.Level, i.Item.Bookmark.Value.Text))).ToArray();
}

/// <summary>The page-number lines of a document: — 1 — or 第 1 页 共 N 页.</summary>
internal static class PageNumbers
{
    public static TextLine?[] Lines(LaidOutDocument layout, FontSet fonts)
    {
        var page = layout.Page;
        var breaker = new LineBreaker(fonts);
        var style = TextStyle.Of(FontRole.Number, page.PageNumberSize);
        var missing = new HashSet<int>();
        return Enumerable.Range(1, layout.Pages.Count).Select(n => page.PageNumbers switch
        {
            PageNumberStyle.None => null,
            PageNumberStyle.ChineseTotal => breaker.Break($"第 {n} 页 共 {layout.Pages.Count} 页", style, float.MaxValue / 4, 0, TextAlign.Left, missing)[0],
            _ => breaker.Break($"— {n} —", style, float.MaxValue / 4, 0, TextAlign.Left, missing)[0],
        }).ToArray();
    }
}
