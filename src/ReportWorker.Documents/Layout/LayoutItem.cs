namespace ReportWorker.Documents.Layout;

/// <summary>
/// A piece of a laid-out document with a fixed height: a line, a table row, a chart. The paginator
/// places items top to bottom; an item that can be split (a tall table row) is cut at a line boundary.
/// </summary>
public abstract class LayoutItem
{
    public abstract float Height { get; }
    /// <summary>The least of this item that can stand on a page (one line of a splittable row).</summary>
    public virtual float MinHeight => Height;
    /// <summary>Do not leave this item alone at the bottom of a page (headings, table headers).</summary>
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

    /// <summary>Cut into a part no taller than <paramref name="available"/> and the rest, or null if it cannot be cut there.</summary>
    public virtual (LayoutItem Head, LayoutItem Tail)? Split(float available) => null;

    public abstract void Draw(DrawContext context, float x, float y);

    /// <summary>Every (face, character) this item draws, so each face can be cut down to what the document uses.</summary>
    public abstract void CollectGlyphs(GlyphUsage usage);
}
