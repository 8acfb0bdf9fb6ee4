using ReportWorker.Documents.Fonts;
using ReportWorker.Documents.Layout;
using ReportWorker.Documents.Text;

namespace ReportWorker.Documents.Components;

/// <summary>
/// The masthead 版头: the issuing organ in red, the issue or document number (琼直工委通〔2025〕3号 or
/// 第3期), an optional line with the issuing office and the date, and the red rule under it all.
/// </summary>
public sealed record Masthead(string Organ, string Number) : IComponent
{
    public static readonly Rgb Red = new(0xE6, 0x00, 0x12);
    public float OrganSize { get; init; } = 30;
    public string? LeftNote { get; init; }
    public string? RightNote { get; init; }

    public IEnumerable<LayoutItem> Layout(LayoutContext c)
    {
        var organStyle = new TextStyle(FontRole.Title, OrganSize, Red);
        var width = c.Page.TextWidth;
        var size = OrganSize;
        var organ = c.Breaker.Break(Organ, organStyle, float.MaxValue / 4, 0, TextAlign.Center, c.Missing);
        // A long organ name is set smaller to stay on one line, as printed mastheads are.
        if (organ[0].Width > width) { size = OrganSize * width / organ[0].Width * 0.98f; organ = c.Breaker.Break(Organ, organStyle with { Size = size }, width, 0, TextAlign.Center, c.Missing); }
        foreach (var line in organ) yield return new TextLineItem(line, size * 1.6f, TextAlign.Center, width) { KeepWithNext = true };
        yield return new SpaceItem(c.Page.LineHeight * 0.5f) { KeepWithNext = true };
        foreach (var item in c.Lines(Number, c.Body with { GridPitch = null }, TextAlign.Center, keepWithNext: true)) yield return item;
        if (LeftNote is not null || RightNote is not null)
        {
            var left = c.Breaker.Break(LeftNote ?? "", c.Body with { GridPitch = null }, width, 0, TextAlign.Left, c.Missing)[0];
            var right = c.Breaker.Break(RightNote ?? "", c.Body with { GridPitch = null }, width, 0, TextAlign.Left, c.Missing)[0];
            yield return new PairItem(left, right, c.Page.LineHeight, width, c.Page.CharPitch) { KeepWithNext = true };
        }
        yield return new RuleItem(4 * PageSetup.PointsPerMm, 1.5f, Red, width) { KeepWithNext = true };
        yield return new SpaceItem(c.Page.LineHeight) { KeepWithNext = true };
    }
}

/// <summary>
/// The closing block 版记 at the foot of the last page: 抄送 and the issuer with the print date,
/// between rules (the outer rules heavier than the inner one).
/// </summary>
public sealed record ClosingBlock(string? CopyTo, string Issuer, string Date) : IComponent
{
    public IEnumerable<LayoutItem> Layout(LayoutContext c)
    {
        var style = new TextStyle(FontRole.Body, 14, Rgb.Black);
        var width = c.Page.TextWidth;
        var lineHeight = c.Page.LineHeight;
        var parts = new List<LayoutItem> { new RuleItem(2, 1.0f, Rgb.Black, width) };
        if (!string.IsNullOrWhiteSpace(CopyTo))
        {
            var lines = c.Breaker.Break($"抄送：{CopyTo}", style, width - 2 * 14, 0, TextAlign.Justify, c.Missing);
            parts.AddRange(lines.Select(l => new TextLineItem(l, lineHeight, TextAlign.Left, width, 14)));
            parts.Add(new RuleItem(2, 0.5f, Rgb.Black, width));
        }
        var issuer = c.Breaker.Break(Issuer, style, width, 0, TextAlign.Left, c.Missing)[0];
        var date = c.Breaker.Break(Date, style, width, 0, TextAlign.Left, c.Missing)[0];
        parts.Add(new PairItem(issuer, date, lineHeight, width, 14));
        parts.Add(new RuleItem(2, 1.0f, Rgb.Black, width));
        yield return new StackItem(parts) { AtPageBottom = true };
    }
}
