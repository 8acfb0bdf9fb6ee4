using ReportWorker.Spreadsheets;
using ReportWorker.Text;

namespace ReportWorker.Registry;

/// <summary>One expected column and the header texts people actually write for it.</summary>
public sealed record ColumnSpec(string Key, string Display, bool Required, params string[] Headers);

/// <summary>
/// Finds the header row among the first rows of a sheet and maps each expected column to its
/// position, whatever the order, spacing, width of characters, or extra columns around it.
/// </summary>
public sealed class HeaderMap
{
    private readonly Dictionary<string, int> _columns;

    private HeaderMap(int headerRow, Dictionary<string, int> columns) { HeaderRow = headerRow; _columns = columns; }

    public int HeaderRow { get; }
    public int? ColumnOf(string key) => _columns.TryGetValue(key, out var c) ? c : null;
    public string Text(SheetRow row, string key) => ColumnOf(key) is { } c ? TextNormalizer.Clean(row.Text(c)) : "";
    public CellValue? Cell(SheetRow row, string key) => ColumnOf(key) is { } c ? row.Get(c) : null;

    public static HeaderMap? Find(Sheet sheet, IReadOnlyList<ColumnSpec> specs, int scanRows = 12)
    {
        HeaderMap? best = null;
        var bestScore = 0;
        // Each alias reduced once, not once per cell (intake reads a header for every form it receives).
        var aliases = specs.ToDictionary(s => s.Key, s => s.Headers.Select(TextNormalizer.HeaderKey).ToArray());
        foreach (var row in sheet.Rows.Take(scanRows))
        {
            var keys = row.Cells.OrderBy(c => c.Key).Select(c => (Column: c.Key, Key: TextNormalizer.HeaderKey(c.Value.Text))).Where(c => c.Key.Length > 0).ToArray();
            var columns = new Dictionary<string, int>();
            // Exact names first, across the whole row, so an extra column such as 单位性质 that merely
            // starts like an alias (单位) cannot take the place of the real 单位名称 further right.
            foreach (var (column, key) in keys)
                if (specs.FirstOrDefault(s => !columns.ContainsKey(s.Key) && aliases[s.Key].Any(h => h == key)) is { } spec)
                    columns[spec.Key] = column;
            foreach (var (column, key) in keys.Where(k => !columns.ContainsValue(k.Column)))
                if (specs.FirstOrDefault(s => !columns.ContainsKey(s.Key) && aliases[s.Key].Any(h => key.StartsWith(h, StringComparison.Ordinal))) is { } spec)
                    columns[spec.Key] = column;
            if (columns.Count > bestScore) { bestScore = columns.Count; best = new HeaderMap(row.Number, columns); }
        }
        return bestScore >= 2 ? best : null;
    }

    public IEnumerable<ColumnSpec> Missing(IEnumerable<ColumnSpec> specs) => specs.Where(s => s.Required && !_columns.ContainsKey(s.Key));

    public static string ColumnLetter(int column)
    {
        var letters = "";
        while (column > 0) { var r = (column - 1) % 26; letters = (char)('A' + r) + letters; column = (column - 1) / 26; }
        return letters;
    }

    public string Describe(ColumnSpec spec) => ColumnOf(spec.Key) is { } c ? $"{spec.Display}（{ColumnLetter(c)}列）" : spec.Display;
}
