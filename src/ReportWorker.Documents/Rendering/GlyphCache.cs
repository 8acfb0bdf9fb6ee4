using SkiaSharp;

namespace ReportWorker.Documents.Rendering;

/// <summary>
/// Skia's PDF writer loads every glyph's outline once per typeface into its font cache (2 MB by
/// default). A document with 2,000 distinct Chinese characters needs far more, and at 2 MB Skia
/// evicts and reloads outlines on every page: measured 293 ms instead of ~110 ms for 55 pages.
/// The cache is raised once; the subset typefaces of finished documents age out of it (LRU).
/// It is never purged by hand: a purge while another thread measures or draws is a race we do not need.
/// </summary>
internal static class GlyphCache
{
    private const long Bytes = 64L * 1024 * 1024;
    private const int Glyphs = 16384;
    private static int _raised;

    public static void Reserve()
    {
        if (Interlocked.Exchange(ref _raised, 1) == 1) return;
        if (SKGraphics.GetFontCacheLimit() < Bytes) SKGraphics.SetFontCacheLimit(Bytes);
        if (SKGraphics.GetFontCacheCountLimit() < Glyphs) SKGraphics.SetFontCacheCountLimit(Glyphs);
    }
}
