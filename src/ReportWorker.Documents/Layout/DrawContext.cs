using ReportWorker.Documents.Fonts;
using ReportWorker.Documents.Text;
using SkiaSharp;

namespace ReportWorker.Documents.Layout;

/// <summary>
/// What items draw with: the canvas and one typeface per face. For a PDF the typefaces are the
/// per-document subsets, so each face is embedded once and only with the glyphs it uses. The drawing
/// library stays inside the engine: its types are internal here.
/// </summary>
public sealed class DrawContext : IDisposable
{
    private readonly Dictionary<(int, float), SKFont> _fonts = [];
    private readonly Dictionary<(Rgb, byte), SKPaint> _paints = [];

    internal DrawContext(SKCanvas canvas, IReadOnlyList<SKTypeface> typefaces, FontSet fonts, PageSetup page)
    {
        Canvas = canvas;
        Typefaces = typefaces;
        Fonts = fonts;
        Page = page;
    }

    public FontSet Fonts { get; }
    public PageSetup Page { get; }
    internal SKCanvas Canvas { get; }
    internal IReadOnlyList<SKTypeface> Typefaces { get; }

    internal SKFont Font(int face, float size)
    {
        if (!_fonts.TryGetValue((face, size), out var font))
            _fonts[(face, size)] = font = new SKFont(Typefaces[face], size) { LinearMetrics = true, Subpixel = true, Hinting = SKFontHinting.None, Edging = SKFontEdging.Antialias };
        return font;
    }

    internal SKPaint Fill(Rgb color, byte alpha = 0xFF)
    {
        if (!_paints.TryGetValue((color, alpha), out var paint))
            _paints[(color, alpha)] = paint = new SKPaint { Color = color.ToSkia().WithAlpha(alpha), IsAntialias = true, Style = SKPaintStyle.Fill };
        return paint;
    }

    /// <summary>Draws a line of text with its left edge at x and its baseline at y, one text run per face.</summary>
    public void DrawLine(TextLine line, float x, float baseline) => DrawLine(line, x, baseline, 0xFF);

    /// <summary>The same, translucent (<paramref name="alpha"/> 0–255): a page mark over the content.</summary>
    internal void DrawLine(TextLine line, float x, float baseline, byte alpha)
    {
        var glyphs = line.Glyphs;
        // Lines are short; a very long one (a table cell that never wraps) goes to the heap.
        Span<char> textBuffer = glyphs.Length <= 256 ? stackalloc char[512] : new char[2 * glyphs.Length];
        Span<float> xBuffer = glyphs.Length <= 256 ? stackalloc float[256] : new float[glyphs.Length];
        var start = 0;
        while (start < glyphs.Length)
        {
            var face = glyphs[start].Face;
            var end = start;
            while (end < glyphs.Length && glyphs[end].Face == face) end++;
            // One baseline: horizontal positions only, one per UTF-16 unit of the run.
            var text = textBuffer;
            var xs = xBuffer[..(end - start)];
            var length = 0;
            for (var i = start; i < end; i++)
            {
                length += new System.Text.Rune(glyphs[i].Codepoint).EncodeToUtf16(text[length..]);
                xs[i - start] = x + glyphs[i].X;
            }
            using var blob = SKTextBlob.CreateHorizontal(text[..length], Font(face, line.Style.Size), xs, baseline);
            if (blob is not null) Canvas.DrawText(blob, 0, 0, Fill(line.Style.Color, alpha));
            start = end;
        }
    }

    /// <summary>Baseline of text of this size centred in a band of the given height.</summary>
    public float Baseline(float top, float bandHeight, TextStyle style)
    {
        var face = Fonts.Faces[Fonts.FaceOf(style.Role)];
        var ascent = face.Ascent * style.Size;
        var descent = face.Descent * style.Size;
        return top + (bandHeight - (ascent + descent)) / 2 + ascent;
    }

    public void Dispose()
    {
        foreach (var f in _fonts.Values) f.Dispose();
        foreach (var p in _paints.Values) p.Dispose();
    }
}
