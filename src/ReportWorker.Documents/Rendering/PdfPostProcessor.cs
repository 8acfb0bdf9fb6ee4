using System.Text;
using System.Text.RegularExpressions;

namespace ReportWorker.Documents.Rendering;

/// <summary>
/// Fixes what Skia cannot be told: the date's offset, subset tags and a document ID that depend only on
/// content, and a catalog with the document's language and its bookmarks.
/// </summary>
internal static partial class PdfPostProcessor
{
    public static byte[] Finish(byte[] pdf, DocumentMetadata metadata, IReadOnlyList<(int Page, float Y, int Level, string Text)> bookmarks, float pageHeight)
    {
        var (infoWrote, xmpWrote) = PdfDates.AsSkiaWrote(metadata.Created);
        var (infoWanted, xmpWanted) = PdfDates.AsWanted(metadata.Created);
        ReplaceSameLength(pdf, infoWrote, infoWanted);
        ReplaceSameLength(pdf, xmpWrote, xmpWanted);
        PdfSubsetTags.Derive(pdf); // before the ID, which hashes the file
        pdf = StableId(pdf);

        // Skia writes no /Lang, so every document gets a new catalog, with or without bookmarks.
        var update = new PdfIncrementalUpdate(pdf);
        var outline = PdfOutline.Add(update, bookmarks.Where(b => b.Text.Length > 0).ToArray(), pageHeight);
        var catalog = LangEntry().Replace(update.ObjectBody(update.Root), "");
        var closing = catalog.LastIndexOf(">>", StringComparison.Ordinal);
        var entries = $"\n/Lang {PdfIncrementalUpdate.TextString(metadata.Language)}" + (outline.Length > 0 ? "\n" + outline : "");
        update.Set(update.Root, catalog[..closing] + entries + ">>");
        return update.Write();
    }

    /// <summary>
    /// Skia stamps a random UUID (XMP DocumentID/InstanceID and the trailer /ID). Replace it with one
    /// derived from the document's own bytes, so the same input and clock give the same file.
    /// </summary>
    private static byte[] StableId(byte[] pdf)
    {
        var text = Encoding.Latin1.GetString(pdf);
        var match = System.Text.RegularExpressions.Regex.Match(text, "uuid:([0-9a-f]{8})-([0-9a-f]{4})-([0-9a-f]{4})-([0-9a-f]{4})-([0-9a-f]{12})");
        if (!match.Success) return pdf;
        var uuid = match.Value[5..];
        const string zeroUuid = "00000000-0000-0000-0000-000000000000";
        var zeroHex = new string('0', 32);
        ReplaceSameLength(pdf, uuid, zeroUuid);
        pdf = WithTrailerId(pdf, $"[<{zeroHex}> <{zeroHex}>]");
        var digest = System.Security.Cryptography.SHA256.HashData(pdf).AsSpan(0, 16).ToArray();
        digest[6] = (byte)((digest[6] & 0x0F) | 0x50); // a name-based UUID (version 5 layout)
        digest[8] = (byte)((digest[8] & 0x3F) | 0x80);
        var stable = Convert.ToHexStringLower(digest);
        var stableUuid = $"{stable[..8]}-{stable[8..12]}-{stable[12..16]}-{stable[16..20]}-{stable[20..]}";
        ReplaceSameLength(pdf, zeroUuid, stableUuid);
        ReplaceSameLength(pdf, zeroHex, stable.ToUpperInvariant());
        return pdf;
    }

    /// <summary>
    /// Replaces the trailer's /ID array. Skia writes each of its two strings as hex or as a literal,
    /// whichever is shorter for the random bytes (about one file in thirty gets a literal), so the array
    /// is parsed rather than searched for. It stands after the cross-reference table, so its length may change.
    /// </summary>
    private static byte[] WithTrailerId(byte[] pdf, string array)
    {
        var span = pdf.AsSpan();
        var trailer = span.LastIndexOf("trailer"u8);
        var at = trailer < 0 ? -1 : span[trailer..].IndexOf("/ID"u8);
        if (at < 0) return pdf;
        var start = trailer + at + 3;
        while (start < pdf.Length && pdf[start] is (byte)' ' or (byte)'\n' or (byte)'\r') start++;
        if (start >= pdf.Length || pdf[start] != '[') return pdf;
        var end = start + 1;
        for (var n = 0; n < 2; n++) end = AfterString(pdf, end);
        while (end < pdf.Length && pdf[end] != ']') end++;
        if (end >= pdf.Length) return pdf;
        return [.. pdf.AsSpan(0, start), .. Encoding.ASCII.GetBytes(array), .. pdf.AsSpan(end + 1)];
    }

    // The index just after the next PDF string: <hex> or (literal, with \ escapes and balanced parentheses).
    private static int AfterString(byte[] pdf, int i)
    {
        while (i < pdf.Length && pdf[i] != '<' && pdf[i] != '(') i++;
        if (i >= pdf.Length) return i;
        if (pdf[i] == '<') return Array.IndexOf(pdf, (byte)'>', i) + 1;
        var depth = 0;
        for (; i < pdf.Length; i++)
        {
            switch (pdf[i])
            {
                case (byte)'\\': i++; break;
                case (byte)'(': depth++; break;
                case (byte)')' when --depth == 0: return i + 1;
            }
        }
        return i;
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

    // Skia writes none today; one it starts writing is replaced, not doubled.
    [GeneratedRegex(@"\n?/Lang\s*(\([^)]*\)|<[^>]*>)")]
    private static partial Regex LangEntry();
}
