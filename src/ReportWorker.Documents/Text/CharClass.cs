namespace ReportWorker.Documents.Text;

/// <summary>Character classes for Chinese line breaking (禁则) and the line grid.</summary>
internal static class CharClass
{
    // May not begin a line: closing brackets and quotes, sentence and clause punctuation, units that follow a number.
    private const string NoLineStart = "，。、；：？！）》」』”’〕】〉…—‥·％‰℃°,.;:!?)]}%>";
    // May not end a line: opening brackets and quotes.
    private const string NoLineEnd = "（《「『“‘〔【〈([{<";
    // Characters that, after a number, belong to it (2025年, 3月, 77.2%).
    private const string NumberUnits = "年月日号时分秒个项件次家名人万亿元岁倍条期周天%％‰";

    public static bool CannotStartLine(int cp) => cp < 0x10000 && NoLineStart.Contains((char)cp);
    public static bool CannotEndLine(int cp) => cp < 0x10000 && NoLineEnd.Contains((char)cp);
    public static bool IsNumberUnit(int cp) => cp < 0x10000 && NumberUnits.Contains((char)cp);
    public static bool IsSpace(int cp) => cp is ' ' or '\t' or 0x00A0;

    /// <summary>Latin letters, digits and the marks that hold a Latin word, number, code or address together.</summary>
    public static bool IsWordChar(int cp) => cp is > 0x20 and < 0x7F && !NoLineEnd.Contains((char)cp) && cp is not (',' or ';' or '!' or '?' or ')' or ']' or '}');

    /// <summary>Full-width on the grid: ideographs, CJK punctuation, full-width forms, and the quotes Chinese text uses.</summary>
    public static bool IsWide(int cp) =>
        cp is >= 0x2E80 and <= 0x9FFF or >= 0xAC00 and <= 0xD7AF or >= 0xF900 and <= 0xFAFF or >= 0xFE30 and <= 0xFE4F
            or >= 0xFF01 and <= 0xFF60 or >= 0xFFE0 and <= 0xFFE6 or >= 0x20000
            or 0x201C or 0x201D or 0x2018 or 0x2019 or 0x2014 or 0x2026 or 0x00B7 or (>= 0x2460 and <= 0x2473);

    /// <summary>For narrow glyphs set in a full-width box: where the glyph sits (0 left, 0.5 centre, 1 right).</summary>
    public static float BoxAlignment(int cp) => cp switch
    {
        0x201C or 0x2018 => 1f,      // “ ‘ hug the text that follows
        0x201D or 0x2019 => 0f,      // ” ’ hug the text before
        _ => 0.5f,
    };

    public static bool IsDigit(int cp) => cp is >= '0' and <= '9';

    /// <summary>A Chinese character (the unified ideographs and extension A), as opposed to punctuation.</summary>
    public static bool IsHan(int cp) => cp is >= 0x4E00 and <= 0x9FFF or >= 0x3400 and <= 0x4DBF or 0x3007;

    // Full-width marks whose glyph fills half the box, and which half is blank: the half that 标点挤压 may take.
    private const string BlankRight = "，。、；：）》」』”’〕】〉";
    private const string BlankLeft = "（《「『“‘〔【〈";

    /// <summary>-1 if the mark's blank half is on its left (opening marks), 1 on its right, 0 if it has none to give.</summary>
    public static int BlankSide(int cp) => cp >= 0x10000 ? 0 : BlankRight.Contains((char)cp) ? 1 : BlankLeft.Contains((char)cp) ? -1 : 0;
}
