namespace ReportWorker.Documents.Layout;

public sealed record PlacedItem(LayoutItem Item, float Y);

/// <summary>
/// Places items on pages top to bottom. Headings stay with what follows; a tall table row is cut at a
/// line boundary; a table that continues on a new page repeats its header rows there; the closing
/// block sits at the bottom of the last page.
/// </summary>
public static class Paginator
{
    public static List<List<PlacedItem>> Paginate(IReadOnlyList<LayoutItem> items, float pageHeight)
    {
        var pages = new List<List<PlacedItem>> { new() };
        var y = 0f;
        var headers = new Dictionary<object, List<LayoutItem>>();
        var onlyHeaders = false;

        void NewPage(LayoutItem? next)
        {
            pages.Add([]);
            y = 0;
            onlyHeaders = false;
            if (next is { Table: { } table, IsTableHeader: false } && headers.TryGetValue(table, out var header))
            {
                foreach (var h in header) { pages[^1].Add(new PlacedItem(h, y)); y += h.Height; }
                onlyHeaders = true;
            }
        }

        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            if (item.IsTableHeader && item.Table is { } t)
            {
                if (!headers.TryGetValue(t, out var list)) headers[t] = list = [];
                list.Add(item);
            }
            if (item.BreakBefore && pages[^1].Count > 0) NewPage(item);
            if (item.AtPageBottom)
            {
                if (y + item.Height > pageHeight + 0.01f) NewPage(null);
                pages[^1].Add(new PlacedItem(item, pageHeight - item.Height));
                y = pageHeight;
                continue;
            }

            while (true)
            {
                var keep = item.KeepWithNext ? Chain(items, i + 1, pageHeight) : 0;
                if (y + item.Height + keep <= pageHeight + 0.01f || (pages[^1].Count == 0) || onlyHeaders && y + item.Height > pageHeight)
                {
                    if (y + item.Height > pageHeight + 0.01f && item.Split(pageHeight - y) is { } forced)
                    {
                        // Taller than a whole page: cut it where the page ends.
                        pages[^1].Add(new PlacedItem(forced.Head, y));
                        NewPage(forced.Tail);
                        item = forced.Tail;
                        continue;
                    }
                    pages[^1].Add(new PlacedItem(item, y));
                    y += item.Height;
                    onlyHeaders = false;
                    break;
                }
                if (!item.KeepWithNext && item.Split(pageHeight - y) is { } parts)
                {
                    pages[^1].Add(new PlacedItem(parts.Head, y));
                    NewPage(parts.Tail);
                    item = parts.Tail;
                    continue;
                }
                NewPage(item);
            }
        }
        if (pages.Count > 1 && pages[^1].Count == 0) pages.RemoveAt(pages.Count - 1);
        return pages;
    }

    /// <summary>
    /// What must follow a keep-with-next item onto the same page: the items that also keep with
    /// next (a heading, then a table header) and the first line of what comes after them.
    /// </summary>
    private static float Chain(IReadOnlyList<LayoutItem> items, int from, float pageHeight)
    {
        var height = 0f;
        for (var j = from; j < items.Count && height < pageHeight; j++)
        {
            if (items[j].BreakBefore || items[j].AtPageBottom) break;
            if (!items[j].KeepWithNext) return height + items[j].MinHeight;
            height += items[j].Height;
        }
        return Math.Min(height, pageHeight / 2);
    }
}
