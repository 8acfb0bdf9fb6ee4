using SkiaSharp;

namespace ReportWorker.Documents.Rendering;

/// <summary>
/// The Producer of every PDF, in the Info dictionary and the XMP alike (Skia writes both from one value, and
/// PDF/A wants them equal). It names what wrote the bytes: Skia's PDF backend, at the milestone the native
/// library reports (the same "Skia/PDF mNNN" Skia would write itself), through SkiaSharp, and this library,
/// which adds the bookmarks and the catalog's /Lang. The application goes in Creator.
/// </summary>
internal static class PdfProducer
{
    public static string Name { get; } =
        $"Skia/PDF m{SkiaSharpVersion.Native.Major} (SkiaSharp {typeof(SKDocument).Assembly.GetName().Version?.ToString(3)}), ReportWorker.Documents";
}
