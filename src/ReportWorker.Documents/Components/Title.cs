using ReportWorker.Documents.Fonts;
using ReportWorker.Documents.Layout;
using ReportWorker.Documents.Text;

namespace ReportWorker.Documents.Components;

/// <summary>
/// The title (2号 小标宋), centred, with a blank line after it. A title too long for one line is broken
/// as GB/T 9704-2012 7.3.1 asks (词意完整，排列对称，长短适宜，梯形或菱形):
/// <list type="number">
/// <item>lines break only between words (jieba's words; dates, numbers and codes whole), each line at most
/// the title measure, the text width less two characters;</item>
/// <item>as few lines as that allows (the greedy count);</item>
/// <item>of all the ways to break into that many lines, the one that costs least (<see cref="Cost"/>):
/// a positive trapezoid (lines lengthening downwards, the first at least 40% of the second) or balanced
/// lines are best, an inverted trapezoid is second; of three lines or more, a trapezoid either way or a
/// diamond (the middle line longest), never a waist; no line of one or two characters; no line that ends
/// with 关于/对/的/和… or starts with 的/和/等…, so that 关于 stays with what it is about and 情况的通报 stays whole.</item>
/// </list>
/// A line break the author wrote into the text ('\n') is kept.
/// </summary>
public sealed record Title(string Text) : IComponent
{
    /// <summary>Whether the title is a top-level bookmark (an attachment's title is bookmarked by its label instead).</summary>
    public bool Bookmarked { get; init; } = true;

    public IEnumerable<LayoutItem> Layout(LayoutContext c)
    {
        var style = TextStyle.Of(FontRole.Title, c.Page.TitleSize);
        var measure = c.Page.TextWidth - 2 * c.Page.CharPitch;
        var lines = Text.Split('\n')
            .SelectMany(part => Arrange(c.Breaker, part.TrimEnd('\r'), style, measure, c.Missing))
            .Select(line => c.Breaker.Break(line, style, float.MaxValue / 4, 0, TextAlign.Center, c.Missing)[0])
            .ToArray();
        var height = c.Page.LineHeight * 1.25f;
        for (var i = 0; i < lines.Length; i++)
            yield return new TextLineItem(lines[i], height, TextAlign.Center, c.Page.TextWidth) { KeepWithNext = true, Bookmark = Bookmarked && i == 0 ? (0, Text) : null };
        yield return new SpaceItem(c.Page.LineHeight) { KeepWithNext = true };
    }

    // Function words that must not be parted from what follows (at a line's end) or precedes (at a line's start).
    private static readonly string[] BadEnds = ["关于", "对于", "对", "的", "和", "与", "及", "或", "在", "为", "把", "将"];
    private static readonly string[] BadStarts = ["的", "和", "与", "及", "或", "等", "之", "了"];

    /// <summary>The title's lines, as text, for a measure in points.</summary>
    internal static IReadOnlyList<string> Arrange(LineBreaker breaker, string text, TextStyle style, float measure, ISet<int> missing)
    {
        var pieces = breaker.Pieces(text, style, BreakMode.Word, missing);
        var count = Greedy(pieces, measure);
        if (count <= 1) return [text.Trim()];
        // Beyond four lines the ways multiply and the title is too long to arrange anyway: the greedy lines.
        var best = count <= 4 ? Best(pieces, text, count, measure) : null;
        best ??= breaker.Break(text, style, measure, 0, TextAlign.Center, missing, BreakMode.Word).Select(l => l.Text).ToArray();
        return best;
    }

    private static int Greedy(IReadOnlyList<TextPiece> pieces, float measure)
    {
        var lines = 0;
        for (var i = 0; i < pieces.Count;)
        {
            var j = i + 1;
            while (j < pieces.Count && Width(pieces, i, j + 1) <= measure) j++;
            lines++;
            i = j;
        }
        return lines;
    }

    private static string[]? Best(IReadOnlyList<TextPiece> pieces, string text, int count, float measure)
    {
        string[]? best = null;
        var bestCost = double.MaxValue;
        var breaks = new int[count + 1];
        breaks[count] = pieces.Count;
        void Place(int line, int from)
        {
            if (line == count - 1)
            {
                if (Width(pieces, from, pieces.Count) > measure) return;
                breaks[line] = from;
                var lines = Enumerable.Range(0, count).Select(l => Line(pieces, text, breaks[l], breaks[l + 1])).ToArray();
                var widths = Enumerable.Range(0, count).Select(l => Width(pieces, breaks[l], breaks[l + 1])).ToArray();
                var cost = Cost(lines, widths);
                if (cost < bestCost) (best, bestCost) = (lines, cost);
                return;
            }
            breaks[line] = from;
            for (var end = from + 1; end < pieces.Count && Width(pieces, from, end) <= measure; end++)
                // What is left has to fit on the lines that are left.
                if (Width(pieces, end, pieces.Count) <= (count - line - 1) * measure) Place(line + 1, end);
        }
        Place(0, 0);
        return best;
    }

    /// <summary>What an arrangement costs; the lowest wins. Widths in points, lines as text.</summary>
    internal static double Cost(IReadOnlyList<string> lines, IReadOnlyList<float> widths)
    {
        var cost = 0.0;
        foreach (var line in lines)
        {
            if (line.Count(c => !char.IsWhiteSpace(c)) <= 2) cost += 10;
            if (BadEnds.Any(w => line.EndsWith(w, StringComparison.Ordinal))) cost += 4;
            if (BadStarts.Any(w => line.StartsWith(w, StringComparison.Ordinal))) cost += 4;
        }
        var shortest = widths.Min() / widths.Max();
        if (shortest < 0.4) cost += 5;
        if (widths.Count == 2)
        {
            var ratio = widths[0] / widths[1];
            return cost + (ratio <= 1 ? 1 - ratio : 0.3 + 2 * (ratio - 1));
        }
        var longest = widths.Select((w, i) => (w, i)).MaxBy(p => p.w).i;
        var rising = widths.Zip(widths.Skip(1)).All(p => p.First <= p.Second);
        var falling = widths.Zip(widths.Skip(1)).All(p => p.First >= p.Second);
        // A diamond: lengthening up to its longest line, shortening after it.
        var diamond = longest > 0 && longest < widths.Count - 1 && widths.Take(longest + 1).Zip(widths.Skip(1).Take(longest)).All(p => p.First <= p.Second)
            && widths.Skip(longest).Zip(widths.Skip(longest + 1)).All(p => p.First >= p.Second);
        cost += rising || diamond ? 0 : falling ? 0.3 : 3;
        return cost + (1 - shortest);
    }

    private static string Line(IReadOnlyList<TextPiece> pieces, string text, int from, int to) => text[pieces[from].Start..pieces[to - 1].End].Trim();

    /// <summary>The width of pieces [from, to) set as one line: spaces at its ends dropped, its last mark's blank half hung.</summary>
    private static float Width(IReadOnlyList<TextPiece> pieces, int from, int to)
    {
        while (from < to && pieces[from].IsSpace) from++;
        while (to > from && pieces[to - 1].IsSpace) to--;
        if (from == to) return 0;
        var width = 0f;
        for (var i = from; i < to; i++) width += pieces[i].Width;
        return width - pieces[to - 1].Hang;
    }
}
