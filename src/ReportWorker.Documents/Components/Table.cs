using ReportWorker.Documents.Fonts;
using ReportWorker.Documents.Layout;
using ReportWorker.Documents.Text;
using SkiaSharp;

namespace ReportWorker.Documents.Components;

/// <summary>A table cell: text, alignment, an optional fill and text colour.</summary>
public sealed record Cell(string Text, TextAlign Align = TextAlign.Left, Rgb? Fill = null, Rgb? Color = null, bool Strong = false)
{
    public static implicit operator Cell(string text) => new(text);
}

/// <summary>
/// A table in black rules: column widths from its content (<see cref="ColumnWidths"/>; the weights divide only a
/// table with no text), header rows (黑体) repeated on every page it spans, body rows whose cells break only
/// between words and that move whole to the next page (only a row taller than a page is cut, at a line
/// boundary). Cells are filled only where a caller gives a fill that carries meaning, always with the word beside it.
/// </summary>
public sealed record Table(IReadOnlyList<float> ColumnWeights, IReadOnlyList<IReadOnlyList<Cell>> HeaderRows, IReadOnlyList<IReadOnlyList<Cell>> Rows) : IComponent
{
    public float FontSize { get; init; } = 12;
    public float LineSpacing { get; init; } = 1.45f;
    public float PaddingMm { get; init; } = 1.2f;
    /// <summary>None by default: an official document's tables are black rules on white.</summary>
    public Rgb? HeaderFill { get; init; }

    public IEnumerable<LayoutItem> Layout(LayoutContext context)
    {
        var pad = PaddingMm * PageSetup.PointsPerMm;
        var rows = HeaderRows.Select(r => (r, true)).Concat(Rows.Select(r => (r, false)));
        var (minimum, preferred) = ColumnWidths.Measure(ColumnWeights.Count, rows, StyleOf, context.Breaker, pad, context.Missing);
        var widths = ColumnWidths.Distribute(minimum, preferred, ColumnWeights, context.Page.TextWidth, floor: 4 * FontSize + 2 * pad);
        var lineHeight = FontSize * LineSpacing;
        var owner = new object();
        foreach (var row in HeaderRows)
            yield return RowItem(context, row, widths, pad, lineHeight, owner, header: true);
        foreach (var row in Rows)
            yield return RowItem(context, row, widths, pad, lineHeight, owner, header: false);
    }

    private TableRowItem RowItem(LayoutContext context, IReadOnlyList<Cell> row, float[] widths, float pad, float lineHeight, object owner, bool header)
    {
        var cells = new List<(IReadOnlyList<TextLine> Lines, Cell Cell)>();
        for (var c = 0; c < widths.Length; c++)
        {
            var cell = c < row.Count ? row[c] : new Cell("");
            var align = cell.Align == TextAlign.Left ? TextAlign.Justify : cell.Align;
            var lines = context.Breaker.Break(cell.Text, StyleOf(cell, header), widths[c] - 2 * pad, 0, align, context.Missing, BreakMode.Word);
            cells.Add((lines, cell with { Fill = cell.Fill ?? (header ? HeaderFill : null) }));
        }
        return new TableRowItem(cells, widths, pad, lineHeight) { Table = owner, IsTableHeader = header, KeepWithNext = header };
    }

    private TextStyle StyleOf(Cell cell, bool header) => new(header || cell.Strong ? FontRole.Heading1 : FontRole.Body, FontSize, cell.Color ?? Rgb.Black);
}

/// <summary>One table row (or the part of it that fits on a page).</summary>
public sealed class TableRowItem(IReadOnlyList<(IReadOnlyList<TextLine> Lines, Cell Cell)> cells, float[] widths, float pad, float lineHeight) : LayoutItem
{
    private readonly int _lines = Math.Max(1, cells.Max(c => c.Lines.Count));

    public override float Height => _lines * lineHeight + 2 * pad;

    /// <summary>The row's text, cell by cell, line by line.</summary>
    public IEnumerable<string> Lines => cells.SelectMany(c => c.Lines.Select(l => l.Text));
    internal override bool CanCarry => !IsTableHeader;

    public override (LayoutItem Head, LayoutItem Tail)? Split(float available)
    {
        var fit = (int)((available - 2 * pad) / lineHeight);
        if (fit < 1 || fit >= _lines) return null;
        var head = cells.Select(c => ((IReadOnlyList<TextLine>)c.Lines.Take(fit).ToArray(), c.Cell)).ToArray();
        var tail = cells.Select(c => ((IReadOnlyList<TextLine>)c.Lines.Skip(fit).ToArray(), c.Cell)).ToArray();
        return (Clone(head), Clone(tail));
    }

    private TableRowItem Clone(IReadOnlyList<(IReadOnlyList<TextLine>, Cell)> part) =>
        new(part, widths, pad, lineHeight) { Table = Table, IsTableHeader = IsTableHeader, KeepWithNext = KeepWithNext };

    public override void Draw(DrawContext context, float x, float y)
    {
        using var border = new SKPaint { Color = SKColors.Black, StrokeWidth = 0.5f, Style = SKPaintStyle.Stroke, IsAntialias = true };
        var cx = x;
        for (var c = 0; c < widths.Length; c++)
        {
            var (lines, cell) = cells[c];
            var rect = new SKRect(cx, y, cx + widths[c], y + Height);
            if (cell.Fill is { } fill) context.Canvas.DrawRect(rect, context.Fill(fill));
            context.Canvas.DrawRect(rect, border);
            // Vertically centre short cells in a tall row, as Word and WPS tables do.
            var ty = y + pad + (_lines - lines.Count) * lineHeight / 2;
            foreach (var line in lines)
            {
                var width = widths[c] - 2 * pad;
                var offset = cell.Align switch { TextAlign.Center => (width - line.Width) / 2, TextAlign.Right => width - line.Width, _ => 0 };
                context.DrawLine(line, cx + pad + offset, context.Baseline(ty, lineHeight, line.Style));
                ty += lineHeight;
            }
            cx += widths[c];
        }
    }

    public override void CollectGlyphs(GlyphUsage usage)
    {
        foreach (var (lines, _) in cells)
            foreach (var line in lines)
                foreach (var g in line.Glyphs) usage.Add(g.Face, g.Codepoint);
    }
}
