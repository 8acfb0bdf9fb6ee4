using ReportWorker.Spreadsheets;

namespace ReportWorker.Forms;

/// <summary>A form as it came back: what it says about itself, and its task rows as raw cells.</summary>
public sealed record ReturnedForm(
    string SheetName,
    string? UnitCode,
    string? MonthText,
    IReadOnlyList<ReturnedRow> Rows,
    IReadOnlyDictionary<string, string> ColumnNames);

public sealed record ReturnedRow(int Number, string Code, string Status, CellValue? Percent, string Progress, string Problems, string NextSteps);
