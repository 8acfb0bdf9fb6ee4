using System.Globalization;
using ReportWorker.Spreadsheets;
using ReportWorker.Text;

namespace ReportWorker.Intake;

/// <summary>Reads 完成进度 as people write it: 80, 80%, ８０, 0.8 formatted as a percentage, 80.5.</summary>
public static class PercentParser
{
    public static bool TryParse(CellValue? cell, out double percent)
    {
        percent = 0;
        if (cell is null) return false;
        if (cell.Number is { } n && !cell.IsFormula)
        {
            percent = cell.IsPercent ? n * 100 : n;
            percent = Math.Round(percent, 2);
            return !double.IsNaN(percent);
        }
        var text = TextNormalizer.Narrow(cell.Text);
        var isPercent = text.EndsWith('%');
        text = text.TrimEnd('%');
        if (!double.TryParse(text, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out percent)) return false;
        percent = Math.Round(percent, 2);
        return !isPercent || percent >= 0;
    }
}
