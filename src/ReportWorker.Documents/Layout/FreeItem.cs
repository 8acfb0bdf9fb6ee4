using ReportWorker.Documents.Text;
using SkiaSharp;

namespace ReportWorker.Documents.Layout;

/// <summary>A line of text at a position of its own: x from the text block's left edge, the baseline from the item's top.</summary>
public readonly record struct FreeText(TextLine Line, float X, float Baseline);

/// <summary>A rule from <see cref="Left"/> to <see cref="Right"/> at <see cref="Y"/>, in points from the item's top-left.</summary>
public readonly record struct FreeRule(float Y, float Thickness, float Left, float Right, Rgb Color);

/// <summary>An image drawn into a box, in points from the item's top-left (a seal).</summary>
public sealed record FreeImage(byte[] Data, float X, float Y, float Width, float Height);

/// <summary>
/// Texts, rules and images placed where a standard puts them rather than on the line grid: a masthead, a
/// signature under a seal, a line with a label and a hanging name. Anything may lie outside the item's own
/// box (a 信函格式 masthead starts in the top margin); only <see cref="Height"/> takes space on the page.
/// </summary>
public sealed class FreeItem(IReadOnlyList<FreeText> texts, IReadOnlyList<FreeRule> rules, IReadOnlyList<FreeImage> images, float height) : LayoutItem
{
    public FreeItem(IReadOnlyList<FreeText> texts, float height) : this(texts, [], [], height) { }

    public override float Height => height;
    public IEnumerable<TextLine> Lines => texts.Select(t => t.Line);
    /// <summary>Set when the item is a line of body text that may go along with a signature.</summary>
    public bool IsBodyLine { get; init; }
    internal override bool CanCarry => IsBodyLine;

    public override void Draw(DrawContext context, float x, float y)
    {
        // Images first: a seal lies over the signature's words in print, but drawn under them here they stay legible either way.
        foreach (var image in images)
        {
            using var decoded = SKImage.FromEncodedData(image.Data);
            if (decoded is not null)
                context.Canvas.DrawImage(decoded, new SKRect(x + image.X, y + image.Y, x + image.X + image.Width, y + image.Y + image.Height), new SKSamplingOptions(SKCubicResampler.Mitchell));
        }
        foreach (var t in texts) context.DrawLine(t.Line, x + t.X, y + t.Baseline);
        foreach (var r in rules)
        {
            using var paint = new SKPaint { Color = r.Color.ToSkia(), StrokeWidth = r.Thickness, Style = SKPaintStyle.Stroke, IsAntialias = true };
            context.Canvas.DrawLine(x + r.Left, y + r.Y, x + r.Right, y + r.Y, paint);
        }
    }

    public override void CollectGlyphs(GlyphUsage usage)
    {
        foreach (var t in texts)
            foreach (var g in t.Line.Glyphs) usage.Add(g.Face, g.Codepoint);
    }
}
