using ReportWorker.Documents.Fonts;
using ReportWorker.Documents.Layout;
using ReportWorker.Documents.Text;

namespace ReportWorker.Documents.Components;

/// <summary>
/// A mark on every page, drawn over the content: a large translucent word along the page's diagonal and,
/// if <see cref="Header"/> is set, a line in the top margin above the text block's right edge. It is how a
/// draft (草稿, 征求意见稿) is told from an issued document on every page, on screen and on paper, however
/// the pages are later separated. Text only; does no I/O.
/// </summary>
public sealed record PageMark(string Text)
{
    /// <summary>A line in the top margin, e.g. 草稿　仅供审阅　不得印发.</summary>
    public string? Header { get; init; }
    public Rgb Color { get; init; } = new(0x80, 0x80, 0x80);
    public Rgb HeaderColor { get; init; } = Masthead.Red;
    /// <summary>0–1. Low enough that the text under the word stays readable.</summary>
    public float Opacity { get; init; } = 0.22f;
    public float Size { get; init; } = 80;
    public float HeaderSize { get; init; } = 14;

    internal LaidOutMark Layout(LayoutContext c)
    {
        TextLine Line(string text, TextStyle style) => c.Breaker.Break(text, style, float.MaxValue / 4, 0, TextAlign.Left, c.Missing)[0];
        var diagonal = Line(Text, new TextStyle(FontRole.Heading1, Size, Color));
        var header = Header is null ? null : Line(Header, new TextStyle(FontRole.Heading1, HeaderSize, HeaderColor));
        return new LaidOutMark(diagonal, header, Math.Clamp(Opacity, 0, 1));
    }
}

/// <summary>A page mark after layout: the lines every page draws.</summary>
public sealed record LaidOutMark(TextLine Diagonal, TextLine? Header, float Opacity)
{
    public IEnumerable<TextLine> Lines => Header is null ? [Diagonal] : [Diagonal, Header];
}
