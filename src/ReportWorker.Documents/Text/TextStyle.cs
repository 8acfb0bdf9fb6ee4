using ReportWorker.Documents.Fonts;

namespace ReportWorker.Documents.Text;

public enum TextAlign { Left, Center, Right, Justify }

/// <summary>How a run of text looks. <see cref="GridPitch"/> (points) snaps full-width characters to the line grid.</summary>
public sealed record TextStyle(FontRole Role, float Size, Rgb Color, float? GridPitch = null)
{
    public static TextStyle Of(FontRole role, float size) => new(role, size, Rgb.Black);
}

/// <summary>One character placed on a line; X is from the start of the line, in points.</summary>
public record struct PlacedGlyph(int Codepoint, int Face, float X, float Advance);

/// <summary>A laid-out line: glyphs with positions, its used width, and the style it was set in.</summary>
public sealed record TextLine(PlacedGlyph[] Glyphs, float Width, TextStyle Style)
{
    public string Text => string.Concat(Glyphs.Select(g => char.ConvertFromUtf32(g.Codepoint)));
}
