using ReportWorker.Documents.Text;

namespace ReportWorker.Documents.Components;

/// <summary>
/// Table column widths from what the columns hold, the way browsers lay out automatic tables (CSS 2.1
/// §17.5.2.2). A column's minimum is its widest unbreakable piece in any cell, header included (a word,
/// a number, a date, a code: cells break only between words), plus padding; its preferred width is its
/// widest cell set on one line, plus padding. Every column gets its minimum, and what is left is shared in
/// proportion to how much more each column wants (preferred − minimum), so none grows past its preferred
/// width while another still has lines to save; when every column is at its preferred width the surplus is
/// shared in proportion to those widths.
/// The callers' weights were guesses at what the content needs; the content says it exactly, so they only
/// divide a table that has no text at all.
/// When the minimums alone are wider than the page, the widest of them are cut down to one common width
/// (the least that makes the table fit): those columns then cut their longest words by characters, the
/// breaker's last resort, while the narrow columns of codes, dates and numbers stay whole.
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

    /// <summary>Widths that add up to <paramref name="total"/>.</summary>
    public static float[] Distribute(IReadOnlyList<float> minimum, IReadOnlyList<float> preferred, IReadOnlyList<float> weights, float total)
    {
        var n = minimum.Count;
        var sumMin = minimum.Sum();
        var sumPreferred = preferred.Sum();
        if (sumPreferred <= 0)
        {
            var sumWeights = weights.Sum();
            return [.. weights.Select(w => sumWeights > 0 ? w / sumWeights * total : total / n)];
        }
        if (sumMin >= total) return CapWidest(minimum, total);
        if (sumPreferred >= total)
        {
            var share = (total - sumMin) / (sumPreferred - sumMin);
            return [.. Enumerable.Range(0, n).Select(c => minimum[c] + (preferred[c] - minimum[c]) * share)];
        }
        return [.. preferred.Select(p => p + (total - sumPreferred) * p / sumPreferred)];
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
