namespace ReportWorker.Documents.Layout;

public sealed record PlacedItem(LayoutItem Item, float Y);

/// <summary>
/// Places items on pages top to bottom, the way an office would accept the pages:
/// <list type="bullet">
/// <item>a table row moves whole to the next page; only a row taller than a whole page is cut, at a line boundary;</item>
/// <item>a table that continues on a new page repeats its header rows there;</item>
/// <item>headings and a paragraph's first line stay with what follows (<see cref="LayoutItem.KeepWithNext"/>);</item>
/// <item>a group (<see cref="KeepGroup"/>) stays on one page; a floating one (a figure) that does not fit goes to
/// the top of the next page and the text after it flows up, so no page is left half empty in front of a chart;</item>
/// <item>an item that carries lines (the signature) takes the end of the text before it along, so no page holds only a signature;</item>
/// <item>the closing block sits at the bottom of the last page.</item>
/// </list>
/// </summary>
public static class Paginator
{
    public static List<List<PlacedItem>> Paginate(IReadOnlyList<LayoutItem> items, float pageHeight) => new Run(items, pageHeight).Paginate();

    private sealed class Run(IReadOnlyList<LayoutItem> items, float pageHeight)
    {
        private const float Slack = 0.01f;
        private readonly List<List<PlacedItem>> _pages = [[]];
        private readonly Dictionary<object, List<LayoutItem>> _headers = [];
        private readonly List<LayoutItem[]> _deferred = [];
        private float _y;
        private bool _onlyHeaders;

        private List<PlacedItem> Page => _pages[^1];
        /// <summary>Nothing would be gained by starting a new page: the page is empty or holds only repeated table headers.</summary>
        private bool Fresh => Page.Count == 0 || _onlyHeaders;

        public List<List<PlacedItem>> Paginate()
        {
            for (var i = 0; i < items.Count; i++)
            {
                var item = items[i];
                if (item.IsTableHeader && item.Table is { } table)
                {
                    if (!_headers.TryGetValue(table, out var list)) _headers[table] = list = [];
                    list.Add(item);
                }
                if (item.BreakBefore)
                {
                    FlushDeferred();
                    if (Page.Count > 0) NewPage(item);
                }
                if (item.AtPageBottom)
                {
                    FlushDeferred();
                    if (_y + item.Height > pageHeight + Slack) NewPage(null);
                    Page.Add(new PlacedItem(item, pageHeight - item.Height));
                    _y = pageHeight;
                    continue;
                }
                if (item.Group is { } group && (i == 0 || items[i - 1].Group != group))
                {
                    var end = i;
                    var height = 0f;
                    while (end < items.Count && items[end].Group == group) height += items[end++].Height;
                    // Figures keep their order: once one waits for the next page, the later ones wait too.
                    if (group.Float && height <= pageHeight && (_deferred.Count > 0 || _y + height > pageHeight + Slack && !Fresh))
                    {
                        _deferred.Add(items.Skip(i).Take(end - i).ToArray());
                        i = end - 1;
                        continue;
                    }
                    if (_y + height > pageHeight + Slack && !Fresh && height <= pageHeight - HeaderHeight(item)) NewPage(item);
                }
                if (item.CarryLines > 0 && _y + item.Height > pageHeight + Slack && !Fresh) CarryOver(item.CarryLines);
                Place(item, i);
            }
            FlushDeferred();
            if (_pages.Count > 1 && Page.Count == 0) _pages.RemoveAt(_pages.Count - 1);
            return _pages;
        }

        private void Place(LayoutItem item, int index)
        {
            while (true)
            {
                var available = pageHeight - _y;
                var keep = item.KeepWithNext ? Chain(index + 1) : 0;
                if (item.Height + keep <= available + Slack || Fresh && item.Height <= available + Slack)
                {
                    Add(item);
                    return;
                }
                // A row taller than a whole page is cut where this page ends; anything else moves whole.
                var tooTall = item.Height > pageHeight - HeaderHeight(item) + Slack;
                if ((Fresh || tooTall) && item.Split(available) is { } parts)
                {
                    Add(parts.Head);
                    NewPage(parts.Tail);
                    item = parts.Tail;
                    continue;
                }
                if (Fresh)
                {
                    Add(item);
                    return;
                }
                NewPage(item);
            }
        }

        private void Add(LayoutItem item)
        {
            Page.Add(new PlacedItem(item, _y));
            _y += item.Height;
            _onlyHeaders = false;
        }

        private void NewPage(LayoutItem? next)
        {
            _pages.Add([]);
            _y = 0;
            _onlyHeaders = false;
            // Figures that did not fit on the last page open this one, as many as fit.
            while (_deferred.Count > 0 && _y + _deferred[0].Sum(d => d.Height) <= pageHeight + Slack)
            {
                foreach (var d in _deferred[0]) Add(d);
                _deferred.RemoveAt(0);
            }
            if (next is { Table: { } table, IsTableHeader: false } && _headers.TryGetValue(table, out var header))
            {
                foreach (var h in header) Add(h);
                _onlyHeaders = true;
            }
        }

        private void FlushDeferred()
        {
            while (_deferred.Count > 0) NewPage(null);
        }

        /// <summary>Moves up to <paramref name="lines"/> lines from the foot of this page to the next, never emptying this page.</summary>
        private void CarryOver(int lines)
        {
            var carried = new List<LayoutItem>();
            while (carried.Count < lines && Page.Count > 1 && Page[^1].Item.CanCarry)
            {
                carried.Insert(0, Page[^1].Item);
                _y = Page[^1].Y;
                Page.RemoveAt(Page.Count - 1);
            }
            NewPage(carried.FirstOrDefault());
            foreach (var c in carried) Add(c);
        }

        private float HeaderHeight(LayoutItem item) =>
            item is { Table: { } table, IsTableHeader: false } && _headers.TryGetValue(table, out var header) ? header.Sum(h => h.Height) : 0;

        /// <summary>
        /// What must follow a keep-with-next item onto the same page: the items that also keep with next (a heading,
        /// then a table header) and the whole of what comes after them (a row, a paragraph's second line). A figure
        /// that may float is never pulled along.
        /// </summary>
        private float Chain(int from)
        {
            var height = 0f;
            for (var j = from; j < items.Count && height < pageHeight; j++)
            {
                var next = items[j];
                if (next.BreakBefore || next.AtPageBottom || next.Group is { Float: true }) break;
                if (!next.KeepWithNext) return height + Math.Min(next.Height, pageHeight / 2);
                height += next.Height;
            }
            return Math.Min(height, pageHeight / 2);
        }
    }
}
