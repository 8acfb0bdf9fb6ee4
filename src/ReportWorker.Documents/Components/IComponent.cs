using ReportWorker.Documents.Fonts;
using ReportWorker.Documents.Layout;
using ReportWorker.Documents.Text;

namespace ReportWorker.Documents.Components;

/// <summary>A part of a document. Components lay themselves out into items; they do no I/O.</summary>
public interface IComponent
{
    IEnumerable<LayoutItem> Layout(LayoutContext context);
}

/// <summary>What components lay out with. Titles and table cells find their words with <paramref name="words"/>
/// (by default <see cref="JiebaWordSegmenter.Instance"/>, loaded on the first word-whole break).</summary>
public sealed class LayoutContext(FontSet fonts, PageSetup page, IWordSegmenter? words = null)
{
    public FontSet Fonts => fonts;
    public PageSetup Page => page;
    public LineBreaker Breaker { get; } = new(fonts, words);
    /// <summary>Characters no configured font has; they are left out of the page and reported.</summary>
    public SortedSet<int> Missing { get; } = [];

    public TextStyle Body => new(FontRole.Body, page.BodySize, Rgb.Black, page.CharPitch);

    /// <summary>The baseline of text in this style centred in a band (a grid line) starting at <paramref name="top"/>.</summary>
    public float Baseline(float top, float band, TextStyle style)
    {
        var face = fonts.Faces[fonts.FaceOf(style.Role)];
        return top + (band - (face.Ascent + face.Descent) * style.Size) / 2 + face.Ascent * style.Size;
    }

    /// <summary>Lines of text, one grid line each.</summary>
    public IEnumerable<LayoutItem> Lines(string text, TextStyle style, TextAlign align, float indent = 0, float? lineHeight = null, bool keepWithNext = false, (int, string)? bookmark = null)
    {
        var lines = Breaker.Break(text, style, page.TextWidth, indent, align, Missing);
        for (var i = 0; i < lines.Count; i++)
            yield return new TextLineItem(lines[i], lineHeight ?? page.LineHeight, align, page.TextWidth)
            {
                KeepWithNext = keepWithNext || (lines.Count > 1 && i == 0), // no widowed first line
                Bookmark = i == 0 ? bookmark : null,
            };
    }
}
