using System.Text;

namespace ReportWorker.Documents.Rendering;

/// <summary>Fixes what Skia cannot be told: the date's offset and a document ID that depends only on content.</summary>
internal static class PdfPostProcessor
{
    public static byte[] Finish(byte[] pdf, DocumentMetadata metadata, IReadOnlyList<(int Page, float Y, int Level, string Text)> bookmarks, float pageHeight)
    {
        var (infoWrote, xmpWrote) = PdfDates.AsSkiaWrote(metadata.Created);
        var (infoWanted, xmpWanted) = PdfDates.AsWanted(metadata.Created);
        ReplaceSameLength(pdf, infoWrote, infoWanted);
        ReplaceSameLength(pdf, xmpWrote, xmpWanted);
        StableId(pdf);
        return PdfOutline.Append(pdf, bookmarks.Where(b => b.Text.Length > 0).ToArray(), pageHeight);
    }

    /// <summary>
    /// Skia stamps a random UUID (XMP DocumentID/InstanceID and the trailer /ID). Replace it with one
    /// derived from the document's own bytes, so the same input and clock give the same file.
    /// </summary>
    private static void StableId(byte[] pdf)
    {
        var text = Encoding.Latin1.GetString(pdf);
        var match = System.Text.RegularExpressions.Regex.Match(text, "uuid:([0-9a-f]{8})-([0-9a-f]{4})-([0-9a-f]{4})-([0-9a-f]{4})-([0-9a-f]{12})");
        if (!match.Success) return;
        var uuid = match.Value[5..];
        var hex = uuid.Replace("-", "").ToUpperInvariant();
        ReplaceSameLength(pdf, uuid, new string('0', 8) + "-0000-0000-0000-" + new string('0', 12));
        ReplaceSameLength(pdf, hex, new string('0', 32));
        var digest = System.Security.Cryptography.SHA256.HashData(pdf).AsSpan(0, 16).ToArray();
        digest[6] = (byte)((digest[6] & 0x0F) | 0x50); // a name-based UUID (version 5 layout)
        digest[8] = (byte)((digest[8] & 0x3F) | 0x80);
        var stable = Convert.ToHexStringLower(digest);
        var stableUuid = $"{stable[..8]}-{stable[8..12]}-{stable[12..16]}-{stable[16..20]}-{stable[20..]}";
        ReplaceSameLength(pdf, new string('0', 8) + "-0000-0000-0000-" + new string('0', 12), stableUuid);
        ReplaceSameLength(pdf, new string('0', 32), stable.ToUpperInvariant());
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
