using System.Collections.Concurrent;
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

/// <summary>
/// A ScottPlot chart drawn as vectors into the page. Its labels use the body font; pass every label
/// text in <paramref name="Texts"/> so the document's font subset holds those characters.
/// </summary>
public sealed record Chart(Func<ScottPlot.Plot> Build, float WidthMm, float HeightMm, IReadOnlyList<string> Texts) : IComponent
{
    public IEnumerable<LayoutItem> Layout(LayoutContext c)
    {
        var width = Math.Min(WidthMm * PageSetup.PointsPerMm, c.Page.TextWidth);
        var height = HeightMm * PageSetup.PointsPerMm;
        var face = c.Fonts.FaceOf(Fonts.FontRole.Body);
        var build = Build;
        foreach (var text in Texts)
            foreach (var r in text.EnumerateRunes())
                if (c.Fonts.Resolve(r.Value, Fonts.FontRole.Body) < 0) c.Missing.Add(r.Value);
        yield return new BoxItem(height, (ctx, rect) =>
        {
            using var plot = build();
            plot.Font.Set(ChartFonts.Register(ctx.Typefaces[face]));
            var save = ctx.Canvas.Save();
            ctx.Canvas.Translate(rect.Left + (c.Page.TextWidth - width) / 2, rect.Top);
            plot.Render(ctx.Canvas, (int)width, (int)height);
            ctx.Canvas.RestoreToCount(save);
        }, usage =>
        {
            // ScottPlot draws tick labels, legends and titles: digits, Latin and the given texts.
            for (var cp = 0x20; cp < 0x7F; cp++) usage.Add(face, cp);
            foreach (var text in Texts)
                foreach (var r in text.EnumerateRunes())
                    if (c.Fonts.Resolve(r.Value, Fonts.FontRole.Body) is var f and >= 0) usage.Add(f, r.Value);
        }) { Width = c.Page.TextWidth };
    }
}

/// <summary>
/// Hands ScottPlot the document's own typeface, so the chart's text is embedded in the same subset
/// font as the body instead of a second full copy.
/// </summary>
internal sealed class ChartFonts : ScottPlot.IFontResolver
{
    private static readonly ConcurrentDictionary<string, SKTypeface> Typefaces = new();
    private static int _registered;
    private static long _next;

    /// <summary>A name ScottPlot resolves to this typeface; unique per call, so a disposed typeface is never handed out again.</summary>
    public static string Register(SKTypeface typeface)
    {
        if (Interlocked.Exchange(ref _registered, 1) == 0) ScottPlot.Fonts.FontResolvers.Insert(0, new ChartFonts());
        var name = $"reportworker-chart-{Interlocked.Increment(ref _next)}";
        Typefaces[name] = typeface;
        return name;
    }

    /// <summary>Forgets every name of a typeface that is about to be disposed.</summary>
    public static void Unregister(SKTypeface typeface)
    {
        foreach (var (name, t) in Typefaces)
            if (ReferenceEquals(t, typeface)) Typefaces.TryRemove(name, out _);
    }

    public SKTypeface? CreateTypeface(string fontName, bool bold, bool italic) => Typefaces.GetValueOrDefault(fontName);
    public SKTypeface? CreateTypeface(string fontName, ScottPlot.FontWeight weight, ScottPlot.FontSlant slant, ScottPlot.FontSpacing spacing) => Typefaces.GetValueOrDefault(fontName);
}
