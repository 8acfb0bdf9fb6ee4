using System.Globalization;
using SkiaSharp;

namespace ReportWorker.Documents;

/// <summary>An opaque sRGB colour: the engine's own, so that no caller needs a drawing library's colour type.</summary>
public readonly record struct Rgb(byte R, byte G, byte B)
{
    public static readonly Rgb Black = new(0x00, 0x00, 0x00);
    public static readonly Rgb White = new(0xFF, 0xFF, 0xFF);

    /// <summary>A colour written as "#RRGGBB" or "RRGGBB".</summary>
    public static Rgb FromHex(string hex)
    {
        var digits = hex.StartsWith('#') ? hex.AsSpan(1) : hex.AsSpan();
        if (digits.Length != 6 || !uint.TryParse(digits, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var value))
            throw new FormatException($"'{hex}' is not a colour of the form #RRGGBB.");
        return new((byte)(value >> 16), (byte)(value >> 8), (byte)value);
    }

    public override string ToString() => $"#{R:X2}{G:X2}{B:X2}";

    internal SKColor ToSkia() => new(R, G, B);
    internal ScottPlot.Color ToScottPlot() => new(R, G, B);
}
