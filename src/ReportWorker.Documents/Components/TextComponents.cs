using ReportWorker.Documents.Fonts;
using ReportWorker.Documents.Layout;
using ReportWorker.Documents.Text;

namespace ReportWorker.Documents.Components;

/// <summary>
/// Body paragraph: first line indented two characters, justified, on the line grid. A paragraph that ends with a
/// colon introduces what follows (a table, a list) and is never left at the foot of a page without it.
/// </summary>
public sealed record Paragraph(string Text) : IComponent
{
    public IEnumerable<LayoutItem> Layout(LayoutContext c) =>
        c.Lines(Text, c.Body, TextAlign.Justify, 2 * c.Page.CharPitch, keepWithNext: Text.TrimEnd().EndsWith('：'));
}

/// <summary>
/// Headings: level 1 一、 (黑体), level 2 （一） (楷体), level 3 1. (body font); indented two characters,
/// never left alone at the foot of a page.
/// </summary>
public sealed record Heading(int Level, string Text) : IComponent
{
    public IEnumerable<LayoutItem> Layout(LayoutContext c)
    {
        var role = Level switch { 1 => FontRole.Heading1, 2 => FontRole.Heading2, _ => FontRole.Body };
        var style = new TextStyle(role, c.Page.BodySize, Rgb.Black, c.Page.CharPitch);
        return c.Lines(Text, style, TextAlign.Justify, 2 * c.Page.CharPitch, keepWithNext: true, bookmark: (Level, Text));
    }
}

/// <summary>The addressee line 主送 (省直机关各单位：), flush left.</summary>
public sealed record Addressee(string Text) : IComponent
{
    public IEnumerable<LayoutItem> Layout(LayoutContext c) => c.Lines(Text, c.Body, TextAlign.Justify, keepWithNext: true);
}

/// <summary>Blank grid lines.</summary>
public sealed record Spacer(int Lines = 1) : IComponent
{
    public IEnumerable<LayoutItem> Layout(LayoutContext c) { yield return new SpaceItem(Lines * c.Page.LineHeight); }
}

/// <summary>Whatever follows starts on a new page.</summary>
public sealed record PageBreak : IComponent
{
    public IEnumerable<LayoutItem> Layout(LayoutContext c) { yield return new SpaceItem(0) { BreakBefore = true }; }
}
