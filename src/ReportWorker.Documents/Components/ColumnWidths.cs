using ReportWorker.Documents.Text;

namespace ReportWorker.Documents.Components;

/// <summary>
/// Table column widths from what the columns hold, the way browsers lay out automatic tables (CSS 2.1
/// §17.5.2.2). A column's minimum is its widest unbreakable piece in any cell, header included (a word,
/// a number, a date, a code: cells break only between words), plus padding; its preferred width is its
/// widest cell set on one line, plus padding. Every column gets its minimum. Then, unlike a browser, a short
/// column (one whose preferred width is at most an equal share of the table: a label, a code, a status) gets
/// all of it while there is room, the cheapest first: wrapping it would save a few points and cost a line on
/// every row (督办 / 编号 beside a half-empty cell). What is left is shared by the other columns in proportion
/// to how much more each wants (preferred − minimum), as browsers lay out automatic tables, so none grows past
/// its preferred width while another still has lines to save; when every column is at its preferred width the
/// surplus is shared in proportion to those widths.
/// The callers' weights were guesses at what the content needs; the content says it exactly, so they only
/// divide a table that has no text at all.
/// When the minimums alone are wider than the page, the columns with the most text give first, down to a
/// few characters each (<c>floor</c>): a long piece inside a paragraph of a cell (（2025年12月31日）) is then
/// cut where our rules joined it (2025年12月|31日), while a code or a date alone in its narrow column
/// (督〔2025〕Q1-001) stays whole. Only if that is not enough are the widest columns cut down to one common width.
/// </summary>
internal static class ColumnWidths
{
    /// <summary>Each column's (minimum, preferred) width in points, padding included.</summary>
    public static (float[] Minimum, float[] Preferred) Measure(int columns, IEnumerable<(IReadOnlyList<Cell> Row, bool Header)> rows, Func<Cell, bool, TextStyle> styleOf, LineBreaker breaker, float pad, ISet<int> missing)
    {
        var minimum = new float[columns];
        var preferred = new float[columns];
        foreach (var (row, header) in rows)
            for (var c = 0; c < Math.Min(columns, row.Count); c++)
            {
                var style = styleOf(row[c], header);
                foreach (var paragraph in row[c].Text.Split('\n'))
                {
                    var pieces = breaker.Pieces(paragraph.TrimEnd('\r'), style, BreakMode.Word, missing);
                    var line = 0f;
                    foreach (var p in pieces)
                    {
                        if (!p.IsSpace) minimum[c] = Math.Max(minimum[c], p.Width - p.Hang);
                        line += p.Width;
                    }
                    var trailing = pieces.Count > 0 ? pieces[^1].Hang : 0;
                    preferred[c] = Math.Max(preferred[c], line - trailing);
                }
            }
        for (var c = 0; c < columns; c++)
        {
            minimum[c] += 2 * pad;
            preferred[c] = Math.Max(preferred[c] + 2 * pad, minimum[c]);
        }
        return (minimum, preferred);
    }

    /// <summary>Widths that add up to <paramref name="total"/>; <paramref name="floor"/> is the least a column gives up to when minimums overflow.</summary>
    public static float[] Distribute(IReadOnlyList<float> minimum, IReadOnlyList<float> preferred, IReadOnlyList<float> weights, float total, float floor)
    {
        var n = minimum.Count;
        var sumMin = minimum.Sum();
        var sumPreferred = preferred.Sum();
        if (sumPreferred <= 0)
        {
            var sumWeights = weights.Sum();
            return [.. weights.Select(w => sumWeights > 0 ? w / sumWeights * total : total / n)];
        }
        if (sumMin >= total) return Overflowing(minimum, preferred, total, floor);
        if (sumPreferred <= total) return [.. preferred.Select(p => p + (total - sumPreferred) * p / sumPreferred)];

        var widths = minimum.ToArray();
        var whole = new bool[n];
        var room = total - sumMin;
        foreach (var c in Enumerable.Range(0, n).Where(c => preferred[c] <= total / n).OrderBy(c => preferred[c] - minimum[c]))
        {
            if (preferred[c] - minimum[c] > room) break;
            room -= preferred[c] - minimum[c];
            widths[c] = preferred[c];
            whole[c] = true;
        }
        // The others want more than there is (their preferred widths add up past the table), so none reaches its own.
        var wants = Enumerable.Range(0, n).Where(c => !whole[c]).Sum(c => preferred[c] - minimum[c]);
        for (var c = 0; c < n; c++)
            if (!whole[c] && wants > 0) widths[c] += (preferred[c] - minimum[c]) * room / wants;
        return widths;
    }

    private static float[] Overflowing(IReadOnlyList<float> minimum, IReadOnlyList<float> preferred, float total, float floor)
    {
        var widths = minimum.ToArray();
        var excess = widths.Sum() - total;
        foreach (var c in Enumerable.Range(0, widths.Length).OrderByDescending(c => preferred[c]))
        {
            if (excess <= 0) break;
            var give = Math.Clamp(widths[c] - floor, 0, excess);
            widths[c] -= give;
            excess -= give;
        }
        return excess > 0 ? CapWidest(widths, total) : widths;
    }

    // The common width W with Σ min(minimum, W) = total, found among the sorted minimums.
    private static float[] CapWidest(IReadOnlyList<float> minimum, float total)
    {
        var sorted = minimum.Order().ToArray();
        var below = 0f;
        var level = total / minimum.Count;
        for (var k = 0; k < sorted.Length; k++)
        {
            // With the k narrowest columns whole, the others share what is left equally.
            var candidate = (total - below) / (sorted.Length - k);
            if (candidate <= sorted[k]) { level = candidate; break; }
            below += sorted[k];
        }
        return [.. minimum.Select(m => Math.Min(m, level))];
    }
}
