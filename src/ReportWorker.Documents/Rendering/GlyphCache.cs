using SkiaSharp;

namespace ReportWorker.Documents.Rendering;

/// <summary>
/// Skia's PDF writer loads every glyph's outline once per typeface into its font cache (2 MB by
/// default). A document with 2,000 distinct Chinese characters needs far more, and at 2 MB Skia
/// evicts and reloads outlines on every page: measured 293 ms instead of ~130 ms for 55 pages.
/// The cache is raised while documents render, and the per-document subset typefaces' entries are
/// dropped afterwards (they are never drawn again).
/// </summary>
internal static class GlyphCache
{
    private const long Bytes = 64L * 1024 * 1024;
    private const int Glyphs = 16384;
    private static int _rendering;

    public static void Reserve()
    {
        Interlocked.Increment(ref _rendering);
        if (SKGraphics.GetFontCacheLimit() < Bytes) SKGraphics.SetFontCacheLimit(Bytes);
        if (SKGraphics.GetFontCacheCountLimit() < Glyphs) SKGraphics.SetFontCacheCountLimit(Glyphs);
    }

    public static void Release()
    {
        // Purging while another document is still drawing would make it reload its outlines.
        if (Interlocked.Decrement(ref _rendering) == 0) SKGraphics.PurgeFontCache();
    }
}
