using ReportWorker.Documents.Text;
using SkiaSharp;

namespace ReportWorker.Documents.Layout;

/// <summary>One line of text in a band of the given height, aligned within the text block.</summary>
public sealed class TextLineItem(TextLine line, float height, TextAlign align, float width, float inset = 0) : LayoutItem
{
    public TextLine Line => line;
    public override float Height => height;
    /// <summary>A line of body text may go along with the signature; a heading or title line may not.</summary>
    internal override bool CanCarry => Bookmark is null && line.Style.Role == Fonts.FontRole.Body;

    public override void Draw(DrawContext context, float x, float y)
    {
        var offset = align switch
        {
            TextAlign.Center => (width - line.Width) / 2,
            TextAlign.Right => width - line.Width - inset,
            _ => inset,
        };
        context.DrawLine(line, x + offset, context.Baseline(y, height, line.Style));
    }

    public override void CollectGlyphs(GlyphUsage usage)
    {
        foreach (var g in line.Glyphs) usage.Add(g.Face, g.Codepoint);
    }
}

/// <summary>Empty space (a blank grid line, the gap after a title).</summary>
public sealed class SpaceItem(float height) : LayoutItem
{
    public override float Height => height;
    public override void Draw(DrawContext context, float x, float y) { }
    public override void CollectGlyphs(GlyphUsage usage) { }
}

/// <summary>A horizontal rule across the text block, centred in its band.</summary>
public sealed class RuleItem(float height, float thickness, Rgb color, float width) : LayoutItem
{
    public override float Height => height;

    public override void Draw(DrawContext context, float x, float y)
    {
        using var paint = new SKPaint { Color = color.ToSkia(), StrokeWidth = thickness, Style = SKPaintStyle.Stroke, IsAntialias = true };
        context.Canvas.DrawLine(x, y + height / 2, x + width, y + height / 2, paint);
    }

    public override void CollectGlyphs(GlyphUsage usage) { }
}

/// <summary>Anything drawn in a fixed box: an image, a chart.</summary>
internal sealed class BoxItem(float height, Action<DrawContext, SKRect> draw, Action<GlyphUsage>? glyphs = null) : LayoutItem
{
    public float Width { get; init; }
    public override float Height => height;
    public override void Draw(DrawContext context, float x, float y) => draw(context, new SKRect(x, y, x + Width, y + height));
    public override void CollectGlyphs(GlyphUsage usage) => glyphs?.Invoke(usage);
}

/// <summary>Several items drawn as one unit that is never split (the closing block).</summary>
public sealed class StackItem(IReadOnlyList<LayoutItem> parts) : LayoutItem
{
    public IReadOnlyList<LayoutItem> Parts => parts;
    public override float Height => parts.Sum(p => p.Height);

    public override void Draw(DrawContext context, float x, float y)
    {
        foreach (var part in parts) { part.Draw(context, x, y); y += part.Height; }
    }

    public override void CollectGlyphs(GlyphUsage usage)
    {
        foreach (var part in parts) part.CollectGlyphs(usage);
    }
}

/// <summary>Two texts on one line: one flush left, one flush right (issuer and date; office and date).</summary>
public sealed class PairItem(TextLine left, TextLine right, float height, float width, float inset) : LayoutItem
{
    public TextLine Left => left;
    public TextLine Right => right;
    public override float Height => height;

    public override void Draw(DrawContext context, float x, float y)
    {
        var baseline = context.Baseline(y, height, left.Style);
        context.DrawLine(left, x + inset, baseline);
        context.DrawLine(right, x + width - inset - right.Width, baseline);
    }

    public override void CollectGlyphs(GlyphUsage usage)
    {
        foreach (var g in left.Glyphs.Concat(right.Glyphs)) usage.Add(g.Face, g.Codepoint);
    }
}
