namespace ReportWorker.Documents.Layout;

/// <summary>
/// A piece of a laid-out document with a fixed height: a line, a table row, a chart. The paginator
/// places items top to bottom; only an item taller than a whole page (a very long table row) is cut,
/// at a line boundary.
/// </summary>
public abstract class LayoutItem
{
    public abstract float Height { get; }
    /// <summary>Do not leave this item alone at the bottom of a page (headings, table headers, a paragraph's first line).</summary>
    public bool KeepWithNext { get; init; }
    /// <summary>Start a new page before this item.</summary>
    public bool BreakBefore { get; init; }
    /// <summary>Sit at the bottom of the page (the closing block 版记).</summary>
    public bool AtPageBottom { get; init; }
    /// <summary>The table this row belongs to, so its header can be repeated on the next page.</summary>
    public object? Table { get; init; }
    public bool IsTableHeader { get; init; }
    /// <summary>A heading: its text, level and a bookmark in the PDF outline.</summary>
    public (int Level, string Text)? Bookmark { get; init; }
    /// <summary>Items of one group stay on one page when the group fits on a page (an item of a 督办单, a chart and its caption).</summary>
    public KeepGroup? Group { get; internal set; }
    /// <summary>
    /// When this item must move to the next page, it takes up to this many of the lines before it along
    /// (the signature takes the end of the text it signs: GB/T 9704 allows no page with only a signature).
    /// </summary>
    public int CarryLines { get; init; }
    /// <summary>The page this item is on shows no page number (the first page of a 信函格式 document).</summary>
    public bool HidesPageNumber { get; init; }

    /// <summary>Whether this item may be moved along with a <see cref="CarryLines"/> item: a line of text or a table row, not a heading.</summary>
    internal virtual bool CanCarry => false;

    /// <summary>Cut into a part no taller than <paramref name="available"/> and the rest, or null if it cannot be cut there.</summary>
    public virtual (LayoutItem Head, LayoutItem Tail)? Split(float available) => null;

    public abstract void Draw(DrawContext context, float x, float y);

    /// <summary>Every (face, character) this item draws, so each face can be cut down to what the document uses.</summary>
    public abstract void CollectGlyphs(GlyphUsage usage);
}

/// <summary>
/// Marks items that belong together on one page. A floating group (a figure and its caption) that does not
/// fit where it stands goes to the top of the next page and the text after it flows up to fill this one.
/// </summary>
public sealed class KeepGroup
{
    public bool Float { get; init; }
}
