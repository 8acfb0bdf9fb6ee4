using X = DocumentFormat.OpenXml.Spreadsheet;

namespace ReportWorker.Forms;

/// <summary>The form's cell styles. Read-only cells are grey and locked; input cells are white and unlocked.</summary>
internal static class FormStyles
{
    public const uint Title = 1, Info = 2, Header = 3, ReadOnlyLeft = 4, ReadOnlyCenter = 5, InputLeft = 6, InputCenter = 7, InputNumber = 8, Note = 9, Instruction = 10;

    public static X.Stylesheet Create() => new(
        new X.Fonts(
            Font(11, bold: false),
            Font(16, bold: true),
            Font(11, bold: true),
            Font(10, bold: false, color: "FF7F7F7F"))
        { Count = 4U },
        new X.Fills(
            new X.Fill(new X.PatternFill { PatternType = X.PatternValues.None }),
            new X.Fill(new X.PatternFill { PatternType = X.PatternValues.Gray125 }),
            Solid("FFEDEDED"),
            Solid("FFDDEBF7"))
        { Count = 4U },
        new X.Borders(
            new X.Border(new X.LeftBorder(), new X.RightBorder(), new X.TopBorder(), new X.BottomBorder(), new X.DiagonalBorder()),
            new X.Border(Side<X.LeftBorder>(), Side<X.RightBorder>(), Side<X.TopBorder>(), Side<X.BottomBorder>(), new X.DiagonalBorder()))
        { Count = 2U },
        new X.CellStyleFormats(new X.CellFormat { NumberFormatId = 0U, FontId = 0U, FillId = 0U, BorderId = 0U }) { Count = 1U },
        new X.CellFormats(
            Format(0, 0, 0, X.HorizontalAlignmentValues.General, X.VerticalAlignmentValues.Bottom, wrap: false, locked: true),
            Format(1, 0, 0, X.HorizontalAlignmentValues.Center, X.VerticalAlignmentValues.Center, wrap: false, locked: true),
            Format(0, 0, 0, X.HorizontalAlignmentValues.Left, X.VerticalAlignmentValues.Center, wrap: false, locked: true),
            Format(2, 3, 1, X.HorizontalAlignmentValues.Center, X.VerticalAlignmentValues.Center, wrap: true, locked: true),
            Format(0, 2, 1, X.HorizontalAlignmentValues.Left, X.VerticalAlignmentValues.Top, wrap: true, locked: true),
            Format(0, 2, 1, X.HorizontalAlignmentValues.Center, X.VerticalAlignmentValues.Center, wrap: true, locked: true),
            Format(0, 0, 1, X.HorizontalAlignmentValues.Left, X.VerticalAlignmentValues.Top, wrap: true, locked: false),
            Format(0, 0, 1, X.HorizontalAlignmentValues.Center, X.VerticalAlignmentValues.Center, wrap: false, locked: false),
            Format(0, 0, 1, X.HorizontalAlignmentValues.Center, X.VerticalAlignmentValues.Center, wrap: false, locked: false),
            Format(3, 0, 0, X.HorizontalAlignmentValues.Left, X.VerticalAlignmentValues.Center, wrap: true, locked: true),
            Format(0, 0, 0, X.HorizontalAlignmentValues.Left, X.VerticalAlignmentValues.Top, wrap: true, locked: true))
        { Count = 11U },
        new X.CellStyles(new X.CellStyle { Name = "Normal", FormatId = 0U, BuiltinId = 0U }) { Count = 1U });

    private static X.Font Font(double size, bool bold, string color = "FF000000")
    {
        var font = new X.Font();
        if (bold) font.Append(new X.Bold());
        font.Append(new X.FontSize { Val = size }, new X.Color { Rgb = color }, new X.FontName { Val = "宋体" },
            new X.FontFamilyNumbering { Val = 2 }, new X.FontCharSet { Val = 134 });
        return font;
    }

    private static X.Fill Solid(string argb) =>
        new(new X.PatternFill(new X.ForegroundColor { Rgb = argb }, new X.BackgroundColor { Indexed = 64U }) { PatternType = X.PatternValues.Solid });

    private static T Side<T>() where T : X.BorderPropertiesType, new() =>
        new() { Style = X.BorderStyleValues.Thin, Color = new X.Color { Rgb = "FF808080" } };

    private static X.CellFormat Format(uint font, uint fill, uint border, X.HorizontalAlignmentValues horizontal, X.VerticalAlignmentValues vertical, bool wrap, bool locked) =>
        new(new X.Alignment { Horizontal = horizontal, Vertical = vertical, WrapText = wrap },
            new X.Protection { Locked = locked })
        {
            NumberFormatId = 0U, FontId = font, FillId = fill, BorderId = border, FormatId = 0U,
            ApplyFont = true, ApplyFill = true, ApplyBorder = true, ApplyAlignment = true, ApplyProtection = true,
        };
}
