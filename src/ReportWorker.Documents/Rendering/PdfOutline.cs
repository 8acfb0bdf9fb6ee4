using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace ReportWorker.Documents.Rendering;

/// <summary>
/// Bookmarks (the PDF outline) for the title, headings and attachments. SkiaSharp's PDF document has no
/// outline API, so the outline objects go into the incremental update, and the catalog that update
/// rewrites points at them.
/// </summary>
internal static partial class PdfOutline
{
    /// <summary>Adds the outline objects; returns the entries the catalog needs, or "" when there are no marks.</summary>
    public static string Add(PdfIncrementalUpdate update, IReadOnlyList<(int Page, float Y, int Level, string Text)> marks, float pageHeight)
    {
        if (marks.Count == 0) return "";
        var catalog = update.ObjectBody(update.Root);
        var pages = new List<int>();
        CollectPages(update, int.Parse(PagesPattern().Match(catalog).Groups[1].Value, CultureInfo.InvariantCulture), pages);

        // Outline tree: each entry's parent is the nearest earlier entry of a lower level.
        var count = marks.Count;
        var parent = new int[count];
        var stack = new Stack<int>();
        for (var i = 0; i < count; i++)
        {
            while (stack.Count > 0 && marks[stack.Peek()].Level >= marks[i].Level) stack.Pop();
            parent[i] = stack.Count > 0 ? stack.Peek() : -1;
            stack.Push(i);
        }
        var outlines = update.Reserve();
        var numbers = marks.Select(_ => update.Reserve()).ToArray();
        int Obj(int i) => i < 0 ? outlines : numbers[i];
        var children = Enumerable.Range(-1, count + 1).ToDictionary(p => p, p => Enumerable.Range(0, count).Where(i => parent[i] == p).ToArray());

        var top = children[-1];
        update.Set(outlines, $"<</Type /Outlines /First {Obj(top[0])} 0 R /Last {Obj(top[^1])} 0 R /Count {top.Length}>>");
        for (var i = 0; i < count; i++)
        {
            var siblings = children[parent[i]];
            var at = Array.IndexOf(siblings, i);
            var sb = new StringBuilder($"<</Title {PdfIncrementalUpdate.TextString(marks[i].Text)} /Parent {Obj(parent[i])} 0 R");
            if (at > 0) sb.Append(CultureInfo.InvariantCulture, $" /Prev {Obj(siblings[at - 1])} 0 R");
            if (at < siblings.Length - 1) sb.Append(CultureInfo.InvariantCulture, $" /Next {Obj(siblings[at + 1])} 0 R");
            var kids = children[i];
            if (kids.Length > 0) sb.Append(CultureInfo.InvariantCulture, $" /First {Obj(kids[0])} 0 R /Last {Obj(kids[^1])} 0 R /Count {kids.Length}");
            var page = pages[Math.Min(marks[i].Page, pages.Count - 1)];
            sb.Append(CultureInfo.InvariantCulture, $" /Dest [{page} 0 R /XYZ 0 {pageHeight - marks[i].Y + 4:0.##} null]>>");
            update.Set(Obj(i), sb.ToString());
        }
        return $"/Outlines {outlines} 0 R\n/PageMode /UseOutlines";
    }

    private static void CollectPages(PdfIncrementalUpdate update, int node, List<int> pages)
    {
        var body = update.ObjectBody(node);
        if (!body.Contains("/Type /Pages", StringComparison.Ordinal)) { pages.Add(node); return; }
        foreach (Match kid in KidPattern().Matches(KidsPattern().Match(body).Groups[1].Value))
            CollectPages(update, int.Parse(kid.Groups[1].Value, CultureInfo.InvariantCulture), pages);
    }

    [GeneratedRegex(@"/Pages (\d+) 0 R")] private static partial Regex PagesPattern();
    [GeneratedRegex(@"/Kids \[([^\]]*)\]")] private static partial Regex KidsPattern();
    [GeneratedRegex(@"(\d+) 0 R")] private static partial Regex KidPattern();
}
