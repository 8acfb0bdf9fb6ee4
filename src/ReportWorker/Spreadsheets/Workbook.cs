namespace ReportWorker.Spreadsheets;

/// <summary>A spreadsheet as plain text cells, whatever it was read from (.xlsx or .csv).</summary>
public sealed record Workbook(IReadOnlyList<Sheet> Sheets, IReadOnlyDictionary<string, string> Properties)
{
    public Sheet? FindSheet(string name) => Sheets.FirstOrDefault(s => s.Name == name);
}

public sealed record Sheet(string Name, bool Hidden, IReadOnlyList<SheetRow> Rows)
{
    public string Cell(int row, int column) =>
        Rows.FirstOrDefault(r => r.Number == row)?.Get(column)?.Text ?? "";
}

/// <summary>One row; <see cref="Number"/> is the 1-based row number a person sees.</summary>
public sealed record SheetRow(int Number, IReadOnlyDictionary<int, CellValue> Cells)
{
    public CellValue? Get(int column) => Cells.GetValueOrDefault(column);
    public string Text(int column) => Cells.GetValueOrDefault(column)?.Text ?? "";
    public bool IsBlank => Cells.Values.All(c => string.IsNullOrWhiteSpace(c.Text));
}

/// <summary>
/// A cell's content as text. <see cref="Number"/> is set when the file stored a number;
/// <see cref="IsPercent"/> when that number was formatted as a percentage (0.8 shown as 80%).
/// A formula is kept as its own text ("=1+1"), never evaluated.
/// </summary>
public sealed record CellValue(string Text, double? Number = null, bool IsPercent = false, bool IsDate = false, bool IsFormula = false);
