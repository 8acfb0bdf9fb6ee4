using SkiaSharp;

namespace ReportWorker.Documents.Rendering;

/// <summary>
/// Skia writes dates with the process's own UTC offset whatever DateTime.Kind says. It is handed the
/// instant in process-local time, and <see cref="PdfPostProcessor"/> rewrites the text to the
/// document's offset (Asia/Shanghai), same length, so the cross-reference offsets stay valid.
/// </summary>
internal static class PdfDates
{
    public static SKDocumentPdfMetadata SkiaMetadata(DocumentMetadata m)
    {
        var local = m.Created.ToLocalTime().DateTime;
        return new SKDocumentPdfMetadata
        {
            Title = m.Title, Author = m.Author, Subject = m.Subject, Keywords = m.Keywords,
            Creator = m.Creator, Producer = PdfProducer.Name,
            Creation = local, Modified = local, PdfA = true, RasterDpi = 300, EncodingQuality = 101,
        };
    }

    public static (string Info, string Xmp) AsSkiaWrote(DateTimeOffset created) => Format(created.ToLocalTime());
    public static (string Info, string Xmp) AsWanted(DateTimeOffset created) => Format(created);

    private static (string Info, string Xmp) Format(DateTimeOffset t)
    {
        var sign = t.Offset < TimeSpan.Zero ? '-' : '+';
        var o = t.Offset.Duration();
        return ($"D:{t:yyyyMMddHHmmss}{sign}{o.Hours:D2}'{o.Minutes:D2}'", $"{t:yyyy-MM-ddTHH:mm:ss}{sign}{o.Hours:D2}:{o.Minutes:D2}");
    }
}
