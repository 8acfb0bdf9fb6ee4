namespace ReportWorker.Spreadsheets;

/// <summary>The file could not be read as a spreadsheet; <see cref="Reason"/> says why in plain Chinese.</summary>
public sealed class SpreadsheetFormatException(string reason, string howToFix, Exception? inner = null)
    : Exception(reason, inner)
{
    public string Reason { get; } = reason;
    public string HowToFix { get; } = howToFix;
}
