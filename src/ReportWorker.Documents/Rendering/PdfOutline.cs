using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace ReportWorker.Documents.Rendering;

/// <summary>
/// Adds bookmarks (the PDF outline) for the title, headings and attachments. SkiaSharp's PDF document
/// has no outline API, so they are appended as an incremental update: new outline objects, a catalog
/// that points at them, and a cross-reference section that chains to Skia's. The original bytes are
/// untouched, which PDF/A-2 permits.
/// </summary>
internal static partial class PdfOutline
{
    public static byte[] Append(byte[] pdf, IReadOnlyList<(int Page, float Y, int Level, string Text)> marks, float pageHeight)
    {
        if (marks.Count == 0) return pdf;
        var text = Encoding.Latin1.GetString(pdf);
        var trailerAt = text.LastIndexOf("trailer", StringComparison.Ordinal);
        var trailer = text[trailerAt..];
        var size = int.Parse(SizePattern().Match(trailer).Groups[1].Value, CultureInfo.InvariantCulture);
        var root = int.Parse(RootPattern().Match(trailer).Groups[1].Value, CultureInfo.InvariantCulture);
        var info = InfoPattern().Match(trailer);
        var id = IdPattern().Match(trailer);
        var previousXref = StartXrefPattern().Matches(text)[^1].Groups[1].Value;

        var catalog = ObjectBody(text, root);
        var pages = new List<int>();
        CollectPages(text, int.Parse(PagesPattern().Match(catalog).Groups[1].Value, CultureInfo.InvariantCulture), pages);

        // Outline tree: each entry's parent is the nearest earlier entry of a lower level.
        var outlines = size;
        var count = marks.Count;
        var parent = new int[count];
        var stack = new Stack<int>();
        for (var i = 0; i < count; i++)
        {
            while (stack.Count > 0 && marks[stack.Peek()].Level >= marks[i].Level) stack.Pop();
            parent[i] = stack.Count > 0 ? stack.Peek() : -1;
            stack.Push(i);
        }
        int Obj(int i) => i < 0 ? outlines : size + 1 + i;
        var children = Enumerable.Range(-1, count + 1).ToDictionary(p => p, p => Enumerable.Range(0, count).Where(i => parent[i] == p).ToArray());

        var objects = new List<(int Number, string Body)>();
        var top = children[-1];
        objects.Add((outlines, $"<</Type /Outlines /First {Obj(top[0])} 0 R /Last {Obj(top[^1])} 0 R /Count {top.Length}>>"));
        for (var i = 0; i < count; i++)
        {
            var siblings = children[parent[i]];
            var at = Array.IndexOf(siblings, i);
            var sb = new StringBuilder($"<</Title {Utf16(marks[i].Text)} /Parent {Obj(parent[i])} 0 R");
            if (at > 0) sb.Append(CultureInfo.InvariantCulture, $" /Prev {Obj(siblings[at - 1])} 0 R");
            if (at < siblings.Length - 1) sb.Append(CultureInfo.InvariantCulture, $" /Next {Obj(siblings[at + 1])} 0 R");
            var kids = children[i];
            if (kids.Length > 0) sb.Append(CultureInfo.InvariantCulture, $" /First {Obj(kids[0])} 0 R /Last {Obj(kids[^1])} 0 R /Count {kids.Length}");
            var page = pages[Math.Min(marks[i].Page, pages.Count - 1)];
            sb.Append(CultureInfo.InvariantCulture, $" /Dest [{page} 0 R /XYZ 0 {pageHeight - marks[i].Y + 4:0.##} null]>>");
            objects.Add((Obj(i), sb.ToString()));
        }
        var closing = catalog.LastIndexOf(">>", StringComparison.Ordinal);
        objects.Add((root, catalog[..closing] + $"\n/Outlines {outlines} 0 R\n/PageMode /UseOutlines>>"));

        using var output = new MemoryStream();
        output.Write(pdf);
        var offsets = new SortedDictionary<int, long>();
        void Write(string s) => output.Write(Encoding.Latin1.GetBytes(s));
        Write("\n");
        foreach (var (number, body) in objects)
        {
            offsets[number] = output.Position;
            Write($"{number} 0 obj\n{body}\nendobj\n");
        }
        var xref = output.Position;
        var sbx = new StringBuilder("xref\n0 1\n0000000000 65535 f \n");
        sbx.Append(CultureInfo.InvariantCulture, $"{root} 1\n{offsets[root]:D10} 00000 n \n");
        sbx.Append(CultureInfo.InvariantCulture, $"{outlines} {count + 1}\n");
        for (var n = outlines; n <= outlines + count; n++) sbx.Append(CultureInfo.InvariantCulture, $"{offsets[n]:D10} 00000 n \n");
        sbx.Append(CultureInfo.InvariantCulture, $"trailer\n<</Size {outlines + count + 1}\n/Root {root} 0 R\n");
        if (info.Success) sbx.Append(info.Value).Append('\n');
        if (id.Success) sbx.Append(id.Value).Append('\n');
        sbx.Append(CultureInfo.InvariantCulture, $"/Prev {previousXref}>>\nstartxref\n{xref}\n%%EOF\n");
        Write(sbx.ToString());
        return output.ToArray();
    }

    private static void CollectPages(string text, int node, List<int> pages)
    {
        var body = ObjectBody(text, node);
        if (!body.Contains("/Type /Pages", StringComparison.Ordinal)) { pages.Add(node); return; }
        foreach (Match kid in KidPattern().Matches(KidsPattern().Match(body).Groups[1].Value))
            CollectPages(text, int.Parse(kid.Groups[1].Value, CultureInfo.InvariantCulture), pages);
    }

    private static string ObjectBody(string text, int number)
    {
        var start = text.LastIndexOf($"\n{number} 0 obj\n", StringComparison.Ordinal);
        if (start < 0) throw new InvalidDataException($"PDF object {number} not found.");
        start = text.IndexOf('\n', start + 1) + 1;
        var end = text.IndexOf("\nendobj", start, StringComparison.Ordinal);
        return text[start..end];
    }

    private static string Utf16(string s) => "<FEFF" + Convert.ToHexString(Encoding.BigEndianUnicode.GetBytes(s)) + ">";

    [GeneratedRegex(@"/Size (\d+)")] private static partial Regex SizePattern();
    [GeneratedRegex(@"/Root (\d+) 0 R")] private static partial Regex RootPattern();
    [GeneratedRegex(@"/Info \d+ 0 R")] private static partial Regex InfoPattern();
    [GeneratedRegex(@"/ID \[[^\]]*\]")] private static partial Regex IdPattern();
    [GeneratedRegex(@"startxref\s+(\d+)")] private static partial Regex StartXrefPattern();
    [GeneratedRegex(@"/Pages (\d+) 0 R")] private static partial Regex PagesPattern();
    [GeneratedRegex(@"/Kids \[([^\]]*)\]")] private static partial Regex KidsPattern();
    [GeneratedRegex(@"(\d+) 0 R")] private static partial Regex KidPattern();
}
