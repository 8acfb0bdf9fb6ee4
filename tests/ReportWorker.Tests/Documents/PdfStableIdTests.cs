using System.Text;
using ReportWorker.Documents.Rendering;

namespace ReportWorker.Tests.Documents;

/// <summary>
/// Skia stamps each PDF with a random UUID, in the XMP and in the trailer's /ID, and writes the /ID
/// strings as hex or as a literal, whichever is shorter for those bytes. Either way the file must come
/// out the same (the flaky 季督办 byte comparison was a literal /ID that was left random).
/// </summary>
public class PdfStableIdTests
{
    private static readonly DocumentMetadata Metadata = new("测试", "测试", "测试", new DateTimeOffset(2025, 4, 10, 9, 0, 0, TimeSpan.FromHours(8)));

    // The shape of what Skia writes, with the random parts given.
    private static byte[] SkiaLike(string uuid, string trailerId) => Encoding.Latin1.GetBytes(
        "%PDF-1.4\n1 0 obj\n<</Type /Metadata /Subtype /XML>> stream\n" +
        $"<xmpMM:DocumentID>uuid:{uuid}</xmpMM:DocumentID>\n<xmpMM:InstanceID>uuid:{uuid}</xmpMM:InstanceID>\n" +
        "endstream\nendobj\n2 0 obj\n<</Type /Catalog>>\nendobj\nxref\n0 3\n0000000000 65535 f \n0000000009 00000 n \n0000000200 00000 n \n" +
        $"trailer\n<</Size 3\n/Root 2 0 R\n/ID [{trailerId} {trailerId}]>>\nstartxref\n230\n%%EOF\n");

    [Fact]
    public void A_literal_trailer_id_is_replaced_like_a_hex_one()
    {
        var hex = SkiaLike("d5f42d81-fb77-5390-80a9-6c738c3d2e6f", "<D5F42D81FB77539080A96C738C3D2E6F>");
        var literal = SkiaLike("112e4482-2654-3438-b454-20611e6b2bea", "(\u0011.D\u0082&T48\u00b4T a\u001ek+\u00ea)");
        var literalWithEscapes = SkiaLike("28295c29-0000-3000-8000-000000000001", @"(\(\)\\\)\000\000\0000\200\000\000\000\000\000\000\000\001)");

        var a = PdfPostProcessor.Finish(hex, Metadata, [], 842);
        var b = PdfPostProcessor.Finish(literal, Metadata, [], 842);
        var c = PdfPostProcessor.Finish(literalWithEscapes, Metadata, [], 842);

        Assert.Equal(Encoding.Latin1.GetString(a), Encoding.Latin1.GetString(b));
        Assert.Equal(Encoding.Latin1.GetString(a), Encoding.Latin1.GetString(c));
        var text = Encoding.Latin1.GetString(a);
        Assert.DoesNotContain("d5f42d81", text);
        Assert.Matches(@"/ID \[<[0-9A-F]{32}> <[0-9A-F]{32}>\]", text);
        var id = System.Text.RegularExpressions.Regex.Match(text, "uuid:([0-9a-f-]{36})").Groups[1].Value.Replace("-", "").ToUpperInvariant();
        Assert.Contains($"<{id}>", text); // the trailer and the XMP name the same stable id
    }
}
