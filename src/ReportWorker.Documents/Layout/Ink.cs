using ReportWorker.Documents.Fonts;
using ReportWorker.Documents.Text;
using SkiaSharp;

namespace ReportWorker.Documents.Layout;

/// <summary>
/// Where a line's ink lies above and below its baseline. GB/T 9704 measures to the printed characters (the
/// organ name's top edge 35 mm below the text block, the page number's dash 7 mm below it), not to a font's
/// line box, whose ascent differs from font to font.
/// </summary>
internal static class Ink
{
    /// <summary>The ink's top (negative: above the baseline) and bottom, in points.</summary>
    public static (float Top, float Bottom) Extent(FontSet fonts, TextLine line)
    {
        var top = 0f;
        var bottom = 0f;
        foreach (var group in line.Glyphs.GroupBy(g => g.Face))
        {
            var text = string.Concat(group.Select(g => char.ConvertFromUtf32(g.Codepoint)));
            using var font = new SKFont(fonts.Faces[group.Key].Typeface, line.Style.Size) { LinearMetrics = true, Hinting = SKFontHinting.None };
            font.MeasureText(text, out var bounds);
            top = Math.Min(top, bounds.Top);
            bottom = Math.Max(bottom, bounds.Bottom);
        }
        return (top, bottom);
    }
}
