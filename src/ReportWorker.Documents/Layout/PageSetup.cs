namespace ReportWorker.Documents.Layout;

public enum PageNumberStyle { None, DashOutside, ChineseTotal }

/// <summary>
/// Page geometry in millimetres. Defaults are GB/T 9704-2012: A4, text block 156 × 225 mm, top margin
/// 37 mm, binding (left) margin 28 mm, 22 lines of 28 characters in 3号 (16 pt).
/// </summary>
public sealed record PageSetup
{
    public const float PointsPerMm = 72f / 25.4f;

    public float PageWidthMm { get; init; } = 210;
    public float PageHeightMm { get; init; } = 297;
    public float TopMm { get; init; } = 37;
    public float LeftMm { get; init; } = 28;
    public float TextWidthMm { get; init; } = 156;
    public float TextHeightMm { get; init; } = 225;
    public int LinesPerPage { get; init; } = 22;
    public int CharsPerLine { get; init; } = 28;
    public float BodySize { get; init; } = 16;
    public float TitleSize { get; init; } = 22;
    public float PageNumberSize { get; init; } = 14;
    public PageNumberStyle PageNumbers { get; init; } = PageNumberStyle.DashOutside;

    public float PageWidth => PageWidthMm * PointsPerMm;
    public float PageHeight => PageHeightMm * PointsPerMm;
    public float Left => LeftMm * PointsPerMm;
    public float Top => TopMm * PointsPerMm;
    public float TextWidth => TextWidthMm * PointsPerMm;
    public float TextHeight => TextHeightMm * PointsPerMm;
    /// <summary>Height of one line of the grid (225 mm / 22 ≈ 29 pt).</summary>
    public float LineHeight => TextHeight / LinesPerPage;
    /// <summary>Width of one character cell of the grid (156 mm / 28 ≈ 15.8 pt).</summary>
    public float CharPitch => TextWidth / CharsPerLine;

    public static PageSetup GbT9704 { get; } = new();
}
