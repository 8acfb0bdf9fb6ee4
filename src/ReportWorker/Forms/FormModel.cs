namespace ReportWorker.Forms;

/// <summary>Everything one unit's form for one month shows; built from the ledger, drawn by <see cref="FormWriter"/>.</summary>
public sealed record FormModel(
    string UnitCode,
    string UnitName,
    string Month,
    string Title,
    string Info,
    string Note,
    IReadOnlyList<string> Instructions,
    IReadOnlyList<FormRow> Rows);

/// <summary>One task row: the read-only facts and last month's answers as a starting point.</summary>
public sealed record FormRow(
    string Code,
    string Category,
    string Content,
    string Role,
    string Deadline,
    string Status,
    double? Percent,
    string Progress,
    string Problems,
    string NextSteps);
