using ReportWorker.Documents.Layout;

namespace ReportWorker.Documents.Components;

/// <summary>
/// Components that stay on one page when together they fit on a page: an item of a 督办单 (its heading and
/// its rows), a short table with the sentence that introduces it. Taller than a page, they flow as usual.
/// </summary>
public sealed record KeepTogether(IReadOnlyList<IComponent> Parts) : IComponent
{
    public KeepTogether(params IComponent[] parts) : this((IReadOnlyList<IComponent>)parts) { }

    public IEnumerable<LayoutItem> Layout(LayoutContext context)
    {
        var group = new KeepGroup();
        foreach (var part in Parts)
            foreach (var item in part.Layout(context))
            {
                // A part that keeps its own group (a chart with its caption) keeps it.
                item.Group ??= group;
                yield return item;
            }
    }
}
