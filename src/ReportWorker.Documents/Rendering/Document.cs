using ReportWorker.Documents.Components;
using ReportWorker.Documents.Fonts;
using ReportWorker.Documents.Layout;

namespace ReportWorker.Documents.Rendering;

/// <summary>
/// A document composed of components, the way QuestPDF composes them. Rendering lays it out once
/// (so the page count is known for "第 1 页 共 N 页"), cuts each font down to the characters used,
/// then draws the PDF.
/// </summary>
public sealed class Document(DocumentMetadata metadata, PageSetup? page = null, FontSet? fonts = null)
{
    private readonly List<IComponent> _components = [];

    public PageSetup Page { get; } = page ?? PageSetup.GbT9704;
    /// <summary>The loaded fonts; load them once (<see cref="FontSet.For"/>) and hand the same set to every document.</summary>
    public FontSet Fonts { get; } = fonts ?? FontSet.Default;
    public DocumentMetadata Metadata => metadata;
    /// <summary>Drawn on every page over the content (a draft's 草稿 mark); none for an issued document.</summary>
    public PageMark? Mark { get; init; }

    public Document Add(IComponent component) { _components.Add(component); return this; }
    public Document Add(IEnumerable<IComponent> components) { _components.AddRange(components); return this; }

    /// <summary>Lays the document out and draws it. Missing characters are in the result, not on the page.</summary>
    public RenderedDocument Render()
    {
        using var glyphs = GlyphCache.Use();
        var context = new LayoutContext(Fonts, Page);
        var items = _components.SelectMany(c => c.Layout(context)).ToList();
        var pages = Paginator.Paginate(items, Page.TextHeight);
        var mark = Mark?.Layout(context);
        var layout = new LaidOutDocument(pages, Fonts, Page, metadata, context.Missing.ToArray(), mark);
        return PdfRenderer.Render(layout);
    }
}

/// <summary>The pages of a document after layout, before drawing.</summary>
public sealed record LaidOutDocument(List<List<PlacedItem>> Pages, FontSet Fonts, PageSetup Page, DocumentMetadata Metadata, int[] MissingCharacters, LaidOutMark? Mark = null);
