using System.Globalization;
using System.Text;

namespace ReportWorker.Text;

/// <summary>A plain-text table that lines up in a terminal even with Chinese (double-width) text.</summary>
public sealed class ConsoleTable(params string[] headers)
{
    private readonly List<string[]> _rows = [];

    public ConsoleTable Add(params object?[] cells)
    {
        _rows.Add(cells.Select(c => Convert.ToString(c, CultureInfo.InvariantCulture) ?? "").ToArray());
        return this;
    }

    public override string ToString()
    {
        var widths = headers.Select((h, i) => _rows.Select(r => Width(r[i])).Prepend(Width(h)).Max()).ToArray();
        var sb = new StringBuilder();
        Line(sb, headers, widths);
        sb.AppendLine(string.Join("  ", widths.Select(w => new string('-', w))));
        foreach (var row in _rows) Line(sb, row, widths);
        return sb.ToString();
    }

    private static void Line(StringBuilder sb, string[] cells, int[] widths)
    {
        for (var i = 0; i < cells.Length; i++)
        {
            sb.Append(cells[i]);
            if (i < cells.Length - 1) sb.Append(' ', widths[i] - Width(cells[i]) + 2);
        }
        sb.AppendLine();
    }

    public static int Width(string text)
    {
        var width = 0;
        foreach (var rune in text.EnumerateRunes())
            width += rune.Value is >= 0x1100 and (<= 0x115F or (>= 0x2E80 and <= 0xA4CF) or (>= 0xAC00 and <= 0xD7A3) or (>= 0xF900 and <= 0xFAFF) or (>= 0xFE30 and <= 0xFE4F) or (>= 0xFF00 and <= 0xFF60) or (>= 0xFFE0 and <= 0xFFE6) or >= 0x20000) ? 2 : 1;
        return width;
    }
}
