using ReportWorker.Documents.Layout;
using SkiaSharp;

namespace ReportWorker.Documents.Components;

/// <summary>A raster or vector image (PNG, JPEG, WebP), scaled to a width and centred.</summary>
public sealed record Image(byte[] Data, float WidthMm) : IComponent
{
    public IEnumerable<LayoutItem> Layout(LayoutContext c)
    {
        using var probe = SKImage.FromEncodedData(Data) ?? throw new InvalidDataException("Image data is not a PNG/JPEG/WebP image.");
        var width = Math.Min(WidthMm * PageSetup.PointsPerMm, c.Page.TextWidth);
        var height = width * probe.Height / probe.Width;
        var data = Data;
        yield return new BoxItem(height, (ctx, rect) =>
        {
            using var image = SKImage.FromEncodedData(data);
            var left = rect.Left + (c.Page.TextWidth - width) / 2;
            ctx.Canvas.DrawImage(image, new SKRect(left, rect.Top, left + width, rect.Top + height), new SKSamplingOptions(SKCubicResampler.Mitchell));
        }) { Width = c.Page.TextWidth };
    }
}
