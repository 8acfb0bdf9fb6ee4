using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace ReportWorker.Documents.Rendering;

/// <summary>
/// Skia tags the embedded subsets AAAAAA+Name, BAAAAA+Name … in the order it meets the fonts, whatever they
/// hold, so every document's subset of a font has the same name. Tools that merge PDFs take one for another
/// and draw the wrong glyphs (PDF 32000 9.6.4 asks for different tags for different subsets). Each tag is
/// replaced with six letters from a hash of the embedded font program: equal tags then mean byte-identical
/// fonts, which is the one thing a merging tool may rely on, and the same document still gives the same
/// bytes. Hashing the program rather than the characters used also separates subsets cut from two builds of
/// the bundled font. The tag keeps its length, so Skia's cross-reference offsets stay valid.
/// </summary>
internal static partial class PdfSubsetTags
{
    /// <summary>Rewrites the tags in place.</summary>
    public static void Derive(byte[] pdf)
    {
        var text = Encoding.Latin1.GetString(pdf);
        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (Match descriptor in DescriptorPattern().Matches(text))
        {
            var name = descriptor.Groups["name"].Value;
            var program = StreamData(pdf, text, int.Parse(descriptor.Groups["file"].Value, CultureInfo.InvariantCulture));
            tags[descriptor.Groups["tag"].Value + "+" + name] = Tag(name, program);
        }
        // Positions first, then writes: a new tag may equal another font's old one.
        var writes = NamePattern().Matches(text)
            .Where(m => tags.ContainsKey(m.Groups["full"].Value))
            .Select(m => (At: m.Groups["full"].Index, Tag: tags[m.Groups["full"].Value]))
            .ToArray();
        foreach (var (at, tag) in writes) Encoding.ASCII.GetBytes(tag).CopyTo(pdf, at);
    }

    // Six uppercase letters, as PDF 32000 9.6.4 shapes a tag; 26^6 ≈ 3·10^8 values.
    private static string Tag(string name, ReadOnlySpan<byte> program)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.ASCII.GetBytes(name + "\n"));
        hash.AppendData(program);
        var n = System.Buffers.Binary.BinaryPrimitives.ReadUInt64LittleEndian(hash.GetHashAndReset());
        var letters = new char[6];
        for (var i = 0; i < 6; i++, n /= 26) letters[i] = (char)('A' + (int)(n % 26));
        return new string(letters);
    }

    // The raw (still compressed) bytes of a stream object, found through its /Length.
    private static ReadOnlySpan<byte> StreamData(byte[] pdf, string text, int number)
    {
        var start = text.LastIndexOf($"\n{number} 0 obj", StringComparison.Ordinal);
        var keyword = start < 0 ? -1 : text.IndexOf("stream", start, StringComparison.Ordinal);
        if (keyword < 0) throw new InvalidDataException($"Font file object {number} not found.");
        var dictionary = text[start..keyword];
        var length = LengthPattern().Match(dictionary);
        if (!length.Success) throw new InvalidDataException($"Font file object {number} has no /Length.");
        var value = length.Groups["ref"].Success
            ? ObjectValue(text, int.Parse(length.Groups["ref"].Value, CultureInfo.InvariantCulture))
            : length.Groups["n"].Value;
        var data = keyword + "stream".Length;
        data += text[data] == '\r' ? 2 : 1;
        return pdf.AsSpan(data, int.Parse(value, CultureInfo.InvariantCulture));
    }

    private static string ObjectValue(string text, int number)
    {
        var start = text.LastIndexOf($"\n{number} 0 obj", StringComparison.Ordinal);
        if (start < 0) throw new InvalidDataException($"PDF object {number} not found.");
        start += $"\n{number} 0 obj".Length;
        return text[start..text.IndexOf("endobj", start, StringComparison.Ordinal)].Trim();
    }

    // A descriptor's dictionary holds no nested dictionary in Skia's output; stopping at ">>" keeps to one.
    [GeneratedRegex(@"/FontName /(?<tag>[A-Z]{6})\+(?<name>[^\s/<>\[\]()]+)[^>]*?/FontFile2? (?<file>\d+) 0 R")]
    private static partial Regex DescriptorPattern();
    [GeneratedRegex(@"/(?:BaseFont|FontName) /(?<full>[A-Z]{6}\+[^\s/<>\[\]()]+)")]
    private static partial Regex NamePattern();
    [GeneratedRegex(@"/Length (?:(?<ref>\d+) 0 R|(?<n>\d+))")]
    private static partial Regex LengthPattern();
}
