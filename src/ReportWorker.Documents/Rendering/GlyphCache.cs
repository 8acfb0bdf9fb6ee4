using SkiaSharp;

namespace ReportWorker.Documents.Rendering;

/// <summary>
/// Skia's PDF writer loads every glyph's outline once per typeface into its font cache (2 MB by
/// default). A document with 2,000 distinct Chinese characters needs far more, and at 2 MB Skia
/// evicts and reloads outlines on every page: measured 293 ms instead of ~110 ms for 55 pages, so the
/// cache is raised to 64 MB.
/// <para>
/// Every document draws with subset typefaces of its own, so nothing a finished document left in the
/// cache is ever used again; left to age out, it filled the 64 MB over months of briefings (the soak
/// benchmark saw resident memory climb 60 MB from April to December). The cache is therefore emptied
/// when the last document being laid out or drawn finishes. Documents take a <see cref="Use"/> lease
/// for their whole layout and drawing, and the purge happens under the same lock, so it never runs
/// while another thread measures or draws.
/// </para>
/// </summary>
internal static class GlyphCache
{
    private const long Bytes = 64L * 1024 * 1024;
    private const int Glyphs = 16384;
    private static readonly Lock Gate = new();
    private static int _active;
    private static bool _raised;

    public static Lease Use()
    {
        lock (Gate)
        {
            if (!_raised)
            {
                if (SKGraphics.GetFontCacheLimit() < Bytes) SKGraphics.SetFontCacheLimit(Bytes);
                if (SKGraphics.GetFontCacheCountLimit() < Glyphs) SKGraphics.SetFontCacheCountLimit(Glyphs);
                _raised = true;
            }
            _active++;
        }
        return new Lease();
    }

    private static void Release()
    {
        lock (Gate)
            if (--_active == 0) SKGraphics.PurgeFontCache();
    }

    /// <summary>Held while a document is laid out and drawn.</summary>
    public readonly struct Lease : IDisposable
    {
        public void Dispose() => Release();
    }
}
