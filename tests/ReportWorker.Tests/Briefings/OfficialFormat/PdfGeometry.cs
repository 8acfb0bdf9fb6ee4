using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;

namespace ReportWorker.Tests.Briefings.OfficialFormat;

/// <summary>One visual line of a PDF page as a reader sees it: the letters that share a baseline, left to right.</summary>
public sealed record PdfLine(int Page, string Text, double Baseline, double Top, double Bottom, double Left, double Right, double Size, bool Red, bool Black);

/// <summary>A table cell as drawn: a stroked rectangle and the letters whose centres lie inside it.</summary>
public sealed record PdfCell(int Page, double Left, double Right, double Top, double Bottom, string Text, string StrokeColor, bool BlackStroke = true);

/// <summary>
/// A table row as read back: its first page and last (they differ when the row was cut across a page break), its place
/// among the rows of its first page, its columns, its cells' text (the parts joined) and the parts page by page.
/// <see cref="Orphan"/>: it stands where the rest of a cut row would (first on its page, empty first cell) but the page
/// before ends with no row of its table.
/// </summary>
public sealed record TableRow(int Page, int LastPage, int IndexOnPage, double Top, IReadOnlyList<(double Left, double Right)> Layout, IReadOnlyList<string> Texts, IReadOnlyList<IReadOnlyList<string>> Parts)
{
    public bool Split => LastPage > Page;
    public bool Orphan { get; init; }

    /// <summary>
    /// The row started at the top of its page (under at most one row of its own table, the repeated header) and still did
    /// not fit: alone it is taller than a page, and cutting it is allowed.
    /// </summary>
    public bool TallerThanAPage(IReadOnlyList<TableRow> rows, double blockTop)
    {
        var above = rows.Where(r => r.Page == Page && r.IndexOnPage < IndexOnPage).ToArray();
        return above.Length <= 1 && above.All(r => r.Layout.SequenceEqual(Layout)) && blockTop - (above.FirstOrDefault() ?? this).Top < 2;
    }
}

/// <summary>
/// Reads glyph positions, lines, table cells and fills back from a PDF with PdfPig, in PDF points (origin bottom
/// left), and converts them to the GB/T 9704-2012 frame: A4, text block 156 × 225 mm, 37 mm from the top, 28 mm from the left.
/// </summary>
public static class PdfGeometry
{
    public const double PointsPerMm = 72 / 25.4;
    public const double TopMarginMm = 37, LeftMarginMm = 28, BlockWidthMm = 156, BlockHeightMm = 225;

    public static double Mm(double points) => points / PointsPerMm;
    /// <summary>The text block's top edge, in points from the bottom of <paramref name="page"/>.</summary>
    public static double BlockTop(Page page) => page.Height - TopMarginMm * PointsPerMm;
    public static double BlockBottom(Page page) => page.Height - (TopMarginMm + BlockHeightMm) * PointsPerMm;
    public static double BlockLeft => LeftMarginMm * PointsPerMm;
    public static double BlockRight => (LeftMarginMm + BlockWidthMm) * PointsPerMm;

    public static (double R, double G, double B) Rgb(UglyToad.PdfPig.Graphics.Colors.IColor? color) =>
        color is null ? (0, 0, 0) : color.ToRGBValues() is var (r, g, b) ? (r, g, b) : (0, 0, 0);

    public static bool IsRed(UglyToad.PdfPig.Graphics.Colors.IColor? color) => Rgb(color) is var (r, g, b) && r > 0.7 && g < 0.3 && b < 0.3;
    public static bool IsBlack(UglyToad.PdfPig.Graphics.Colors.IColor? color) => Rgb(color) is var (r, g, b) && r < 0.1 && g < 0.1 && b < 0.1;
    /// <summary>White, black or a grey: no hue.</summary>
    public static bool IsNeutral(UglyToad.PdfPig.Graphics.Colors.IColor? color) =>
        Rgb(color) is var (r, g, b) && Math.Max(r, Math.Max(g, b)) - Math.Min(r, Math.Min(g, b)) < 0.03;
    public static string Hex(UglyToad.PdfPig.Graphics.Colors.IColor? color) =>
        Rgb(color) is var (r, g, b) ? $"#{(int)Math.Round(r * 255):X2}{(int)Math.Round(g * 255):X2}{(int)Math.Round(b * 255):X2}" : "?";

    /// <summary>The page's visible letters (no whitespace) grouped into lines by baseline, top to bottom.</summary>
    public static IReadOnlyList<PdfLine> Lines(Page page)
    {
        var letters = page.Letters.Where(l => !string.IsNullOrWhiteSpace(l.Value)).ToArray();
        var lines = new List<List<Letter>>();
        foreach (var letter in letters.OrderByDescending(l => l.StartBaseLine.Y).ThenBy(l => l.BoundingBox.Left))
        {
            var line = lines.LastOrDefault();
            if (line is not null && Math.Abs(line[0].StartBaseLine.Y - letter.StartBaseLine.Y) < 1.0) line.Add(letter);
            else lines.Add([letter]);
        }
        return lines.Select(l => l.OrderBy(x => x.BoundingBox.Left).ToArray()).Select(l => new PdfLine(
            page.Number, string.Concat(l.Select(x => x.Value)), l[0].StartBaseLine.Y,
            l.Max(x => x.BoundingBox.Top), l.Min(x => x.BoundingBox.Bottom), l.Min(x => x.BoundingBox.Left), l.Max(x => x.BoundingBox.Right),
            l.Max(x => x.PointSize), l.All(x => IsRed(x.Color)), l.All(x => IsBlack(x.Color)))).ToArray();
    }

    /// <summary>Lines inside the text block (the page number, below it, left out).</summary>
    public static IReadOnlyList<PdfLine> BodyLines(Page page) =>
        Lines(page).Where(l => l.Bottom > BlockBottom(page) - 1).ToArray();

    /// <summary>Every stroked rectangle on the page (table cell borders) with the text drawn inside it, top to bottom, left to right.</summary>
    public static IReadOnlyList<PdfCell> Cells(Page page)
    {
        var letters = page.Letters.Where(l => !string.IsNullOrWhiteSpace(l.Value)).ToArray();
        return page.Paths
            .Where(p => p.IsStroked && p.GetBoundingRectangle() is { Width: > 2, Height: > 2 })
            .Select(p => (Path: p, Rect: p.GetBoundingRectangle()!.Value))
            .Select(p => new PdfCell(page.Number, p.Rect.Left, p.Rect.Right, p.Rect.Top, p.Rect.Bottom,
                TextIn(letters, p.Rect), Hex(p.Path.StrokeColor), IsBlack(p.Path.StrokeColor)))
            .OrderByDescending(c => Math.Round(c.Top, 1)).ThenBy(c => c.Left).ToArray();
    }

    /// <summary>Filled rectangles that are table cells (a stroked border with the same bounds), with their fill and text.</summary>
    public static IReadOnlyList<(PdfCell Cell, string Fill, bool Neutral)> FilledCells(Page page)
    {
        var letters = page.Letters.Where(l => !string.IsNullOrWhiteSpace(l.Value)).ToArray();
        var paths = page.Paths;
        var borders = paths.Where(p => p.IsStroked).Select(p => p.GetBoundingRectangle()).OfType<PdfRectangle>().ToArray();
        return paths.Where(p => p.IsFilled && p.GetBoundingRectangle() is { Width: > 2, Height: > 2 } r && borders.Any(b => Same(b, r)))
            .Select(p => (Path: p, Rect: p.GetBoundingRectangle()!.Value))
            .Select(p => (new PdfCell(page.Number, p.Rect.Left, p.Rect.Right, p.Rect.Top, p.Rect.Bottom, TextIn(letters, p.Rect), ""), Hex(p.Path.FillColor), IsNeutral(p.Path.FillColor)))
            .ToArray();
    }

    /// <summary>Table rows: cells sharing top and bottom edges, left to right.</summary>
    public static IReadOnlyList<IReadOnlyList<PdfCell>> Rows(IEnumerable<PdfCell> cells) =>
        cells.GroupBy(c => (Math.Round(c.Top), Math.Round(c.Bottom))).OrderByDescending(g => g.Key.Item1)
            .Select(g => (IReadOnlyList<PdfCell>)g.OrderBy(c => c.Left).ToArray()).ToArray();

    /// <summary>
    /// A document's table rows in reading order, a row cut across a page break put back together: the tail of a cut row is
    /// the first row on the next page with the same columns that <paramref name="isTail"/> says continues a row — by
    /// default, one with an empty first cell (a code, a label, a rank: one line, so a cut leaves it all on the first
    /// page); its cells' text is appended to the head's.
    /// </summary>
    public static IReadOnlyList<TableRow> TableRows(IEnumerable<UglyToad.PdfPig.Content.Page> pages, Func<IReadOnlyList<string>, bool>? isTail = null)
    {
        isTail ??= texts => texts[0].Length == 0 && texts.Skip(1).Any(t => t.Length > 0);
        var rows = new List<TableRow>();
        foreach (var page in pages)
        {
            var onPage = 0;
            foreach (var cells in Rows(Cells(page)).Where(r => r.Count >= 2 && r.Any(c => c.Text.Length > 0)))
            {
                var layout = cells.Select(c => (Math.Round(c.Left), Math.Round(c.Right))).ToArray();
                var tail = isTail([.. cells.Select(c => c.Text)]);
                // The head: the last row of the same table on the page before; on this page at most the repeated header precedes the tail.
                var at = rows.FindLastIndex(r => r.LastPage == page.Number - 1 && r.Layout.SequenceEqual(layout));
                var topOfPage = rows.Count(r => r.Page == page.Number && r.Layout.SequenceEqual(layout)) <= 1;
                if (tail && topOfPage && at >= 0 && rows[at] is var head)
                {
                    rows[at] = head with
                    {
                        Orphan = false,
                        Texts = [.. head.Texts.Zip(cells, (t, c) => t + c.Text)], LastPage = page.Number,
                        Parts = [.. head.Parts, [.. cells.Select(c => c.Text)]],
                    };
                }
                else rows.Add(new TableRow(page.Number, page.Number, onPage, cells.Max(c => c.Top), layout, [.. cells.Select(c => c.Text)], [[.. cells.Select(c => c.Text)]]) { Orphan = tail && topOfPage });
                onPage++;
            }
        }
        return rows;
    }

    private static bool Same(PdfRectangle a, PdfRectangle b) =>
        Math.Abs(a.Left - b.Left) < 0.5 && Math.Abs(a.Right - b.Right) < 0.5 && Math.Abs(a.Top - b.Top) < 0.5 && Math.Abs(a.Bottom - b.Bottom) < 0.5;

    private static string TextIn(IEnumerable<Letter> letters, PdfRectangle rect) => string.Concat(letters
        .Where(l => l.BoundingBox.Centroid is var c && c.X > rect.Left && c.X < rect.Right && c.Y > rect.Bottom && c.Y < rect.Top)
        .OrderByDescending(l => Math.Round(l.StartBaseLine.Y, 1)).ThenBy(l => l.BoundingBox.Left)
        .Select(l => l.Value));

    /// <summary>Whitespace removed: how text is compared across extraction tools and line breaks.</summary>
    public static string Squeeze(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));
}
