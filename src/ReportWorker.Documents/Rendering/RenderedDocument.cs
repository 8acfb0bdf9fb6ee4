using ReportWorker.Documents.Layout;
using SkiaSharp;

namespace ReportWorker.Documents.Rendering;

/// <summary>A finished PDF, with what a caller needs to decide about it and to show it.</summary>
public sealed class RenderedDocument(byte[] pdf, LaidOutDocument layout)
{
    public byte[] Pdf => pdf;
    public int PageCount => layout.Pages.Count;
    /// <summary>Characters no configured font could draw; they were left out, never drawn as boxes.</summary>
    public IReadOnlyList<int> MissingCharacters => layout.MissingCharacters;
    public string MissingText => string.Concat(layout.MissingCharacters.Select(char.ConvertFromUtf32));

    /// <summary>The text of each page as laid out, line by line (for checking what a reader extracts).</summary>
    public IReadOnlyList<IReadOnlyList<string>> PageLines => layout.Pages.Select(page => (IReadOnlyList<string>)page
        .SelectMany(p => Texts(p.Item)).ToArray()).ToArray();

    private static IEnumerable<string> Texts(LayoutItem item) => item switch
    {
        TextLineItem t => [t.Line.Text],
        PairItem p => [p.Left.Text, p.Right.Text],
        FreeItem f => f.Lines.Select(l => l.Text),
        StackItem s => s.Parts.SelectMany(Texts),
        Components.TableRowItem r => r.Lines,
        _ => [],
    };

    /// <summary>Writes the PDF so that the path holds either the previous file or the complete new one, never a part.</summary>
    public void Save(string path)
    {
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var temp = Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write))
            {
                stream.Write(pdf);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temp, full, overwrite: true);
        }
        finally { if (File.Exists(temp)) File.Delete(temp); }
    }

    /// <summary>A picture of one page (0-based), for e-mail bodies and for looking at.</summary>
    public byte[] RenderPng(int pageIndex, float dpi = 96)
    {
        using var glyphs = GlyphCache.Use();
        var page = layout.Page;
        var scale = dpi / 72f;
        var info = new SKImageInfo((int)Math.Ceiling(page.PageWidth * scale), (int)Math.Ceiling(page.PageHeight * scale));
        using var surface = SKSurface.Create(info);
        var canvas = surface.Canvas;
        canvas.Clear(SKColors.White);
        canvas.Scale(scale);
        var typefaces = layout.Fonts.Faces.Select(f => f.Typeface).ToArray();
        var numbers = PageNumbers.Lines(layout, layout.Fonts);
        using (var context = new DrawContext(canvas, typefaces, layout.Fonts, page))
            PdfRenderer.DrawPage(context, layout, pageIndex, numbers[pageIndex]);
        using var image = surface.Snapshot();
        using var png = image.Encode(SKEncodedImageFormat.Png, 100);
        return png.ToArray();
    }
}
