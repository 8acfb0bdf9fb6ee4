using ReportWorker.Documents.Fonts;
using ReportWorker.Documents.Layout;
using ReportWorker.Documents.Text;

namespace ReportWorker.Documents.Components;

/// <summary>The GB/T 9704-2012 layouts of a document's first page.</summary>
public enum MastheadFormat
{
    /// <summary>文件格式 (7.2): the organ's top edge 35 mm below the text block's, the number two lines below it, a red rule 4 mm under the number.</summary>
    File,
    /// <summary>
    /// 信函格式 (10.1): the organ's top edge 30 mm below the top of the page, a red double line (thick over thin) 4 mm
    /// under it and another (thin over thick) 20 mm above the foot of the page, both 170 mm long; the number flush
    /// right under the first; no page number on the first page.
    /// </summary>
    Letter,
}

/// <summary>
/// The masthead 版头: the issuing organ in red, the document number (琼直工委通〔2025〕3号), optionally a line with
/// the issuing office and the date (a 专报's), and the red rule; it ends where the title starts, two lines below
/// the rule (7.3.1).
/// </summary>
public sealed record Masthead(string Organ, string Number) : IComponent
{
    public static readonly Rgb Red = new(0xE6, 0x00, 0x12);
    public MastheadFormat Format { get; init; } = MastheadFormat.File;
    public float OrganSize { get; init; } = 30;
    public string? LeftNote { get; init; }
    public string? RightNote { get; init; }

    private const float Mm = PageSetup.PointsPerMm;

    public IEnumerable<LayoutItem> Layout(LayoutContext c)
    {
        var page = c.Page;
        var width = page.TextWidth;
        var organStyle = new TextStyle(FontRole.Title, OrganSize, Red);
        var organ = c.Breaker.Break(Organ, organStyle, float.MaxValue / 4, 0, TextAlign.Center, c.Missing)[0];
        // A long organ name is set smaller to stay on one line, as printed mastheads are.
        if (organ.Width > width) organ = c.Breaker.Break(Organ, organStyle with { Size = OrganSize * width / organ.Width * 0.98f }, float.MaxValue / 4, 0, TextAlign.Center, c.Missing)[0];
        var plain = c.Body with { GridPitch = null };
        var number = c.Breaker.Break(Number, plain, width, 0, TextAlign.Left, c.Missing)[0];
        TextLine? left = LeftNote is null ? null : c.Breaker.Break(LeftNote, plain, width, 0, TextAlign.Left, c.Missing)[0];
        TextLine? right = RightNote is null ? null : c.Breaker.Break(RightNote, plain, width, 0, TextAlign.Left, c.Missing)[0];
        yield return Format == MastheadFormat.Letter ? LetterItem(c, organ, number) : FileItem(c, organ, number, left, right);
    }

    private static FreeItem FileItem(LayoutContext c, TextLine organ, TextLine number, TextLine? left, TextLine? right)
    {
        var page = c.Page;
        var line = page.LineHeight;
        var (organTop, organBottom) = Ink.Extent(c.Fonts, organ);
        var organBaseline = 35 * Mm - organTop;
        var runs = new List<FreeText> { new(organ, (page.TextWidth - organ.Width) / 2, organBaseline) };
        // 发文字号: on the line two blank lines below the organ (7.2.2).
        var band = organBaseline + organBottom + 2 * line;
        var numberBaseline = c.Baseline(band, line, number.Style);
        runs.Add(new(number, (page.TextWidth - number.Width) / 2, numberBaseline));
        var textBottom = numberBaseline + Ink.Extent(c.Fonts, number).Bottom;
        if (left is not null || right is not null)
        {
            band += line;
            var baseline = c.Baseline(band, line, (left ?? right)!.Style);
            if (left is not null) runs.Add(new(left, page.CharPitch, baseline));
            if (right is not null) runs.Add(new(right, page.TextWidth - page.CharPitch - right.Width, baseline));
            textBottom = baseline + Math.Max(left is null ? 0 : Ink.Extent(c.Fonts, left).Bottom, right is null ? 0 : Ink.Extent(c.Fonts, right).Bottom);
        }
        // The red rule 4 mm under the number (7.2.4), as wide as the text block.
        var rule = textBottom + 4 * Mm;
        var rules = new List<FreeRule> { new(rule, 1.5f, 0, page.TextWidth, Red) };
        // The title starts two lines below the rule (7.3.1): the masthead's height ends there.
        return new FreeItem(runs, rules, [], rule + 2 * line);
    }

    private static FreeItem LetterItem(LayoutContext c, TextLine organ, TextLine number)
    {
        var page = c.Page;
        var (organTop, organBottom) = Ink.Extent(c.Fonts, organ);
        // Measured from the top of the page; the text block starts TopMm down, so this lies in the top margin.
        var organBaseline = (30 - page.TopMm) * Mm - organTop;
        var runs = new List<FreeText> { new(organ, (page.TextWidth - organ.Width) / 2, organBaseline) };
        var overhang = (170 * Mm - page.TextWidth) / 2;
        var thick = organBaseline + organBottom + 4 * Mm;
        var thin = thick + 2.2f;
        var rules = new List<FreeRule> { new(thick, 1.5f, -overhang, page.TextWidth + overhang, Red), new(thin, 0.5f, -overhang, page.TextWidth + overhang, Red) };
        // 发文字号 flush right, 7/8 of a 3号 character's height under the double line.
        var numberTop = thin + 0.25f + 7f / 8 * 16;
        var numberBaseline = numberTop - Ink.Extent(c.Fonts, number).Top;
        runs.Add(new(number, page.TextWidth - number.Width, numberBaseline));
        // The second double line, 20 mm above the foot of the page, in the page's own coordinates.
        var foot = (page.PageHeightMm - 20 - page.TopMm) * Mm;
        rules.Add(new(foot - 2.2f, 0.5f, -overhang, page.TextWidth + overhang, Red));
        rules.Add(new(foot, 1.5f, -overhang, page.TextWidth + overhang, Red));
        var bottom = numberBaseline + Ink.Extent(c.Fonts, number).Bottom;
        return new FreeItem(runs, rules, [], bottom + 2 * page.LineHeight) { HidesPageNumber = true };
    }
}

/// <summary>
/// The closing block 版记 at the foot of the last page (7.4): 报 and 抄送 one character in from either side, the
/// issuer one character in from the left and the print date one in from the right, between rules as wide as the
/// text block; the first and last rules 0.35 mm, those between 0.25 mm, the last on the text block's lower edge.
/// </summary>
public sealed record ClosingBlock(string? CopyTo, string Issuer, string Date) : IComponent
{
    /// <summary>"报：" recipients (a 专报's leaders), above 抄送.</summary>
    public string? ReportTo { get; init; }

    internal const float Heavy = 0.35f * PageSetup.PointsPerMm, Light = 0.25f * PageSetup.PointsPerMm;

    public IEnumerable<LayoutItem> Layout(LayoutContext c)
    {
        var style = new TextStyle(FontRole.Body, 14, Rgb.Black);
        var width = c.Page.TextWidth;
        var lineHeight = c.Page.LineHeight;
        var parts = new List<LayoutItem> { new RuleItem(0, Heavy, Rgb.Black, width) };
        foreach (var (label, text) in new[] { ("报", ReportTo), ("抄送", CopyTo) })
        {
            if (string.IsNullOrWhiteSpace(text)) continue;
            var lines = c.Breaker.Break($"{label}：{text}", style, width - 2 * 14, 0, TextAlign.Justify, c.Missing);
            parts.AddRange(lines.Select(l => new TextLineItem(l, lineHeight, TextAlign.Left, width, 14)));
            parts.Add(new RuleItem(0, Light, Rgb.Black, width));
        }
        var issuer = c.Breaker.Break(Issuer, style, width, 0, TextAlign.Left, c.Missing)[0];
        var date = c.Breaker.Break(Date, style, width, 0, TextAlign.Left, c.Missing)[0];
        parts.Add(new PairItem(issuer, date, lineHeight, width, 14));
        parts.Add(new RuleItem(0, Heavy, Rgb.Black, width));
        yield return new StackItem(parts) { AtPageBottom = true };
    }
}
