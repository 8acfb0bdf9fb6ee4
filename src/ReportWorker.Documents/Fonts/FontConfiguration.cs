namespace ReportWorker.Documents.Fonts;

/// <summary>
/// Which font file each role uses, and where to look when a character is missing. Paths may point at
/// .ttf/.otf files or at a face in a .ttc ("file.ttc#2"). CFF-outline fonts are refused: their copied
/// text comes out as radicals in PDF readers.
/// </summary>
public sealed record FontConfiguration(IReadOnlyDictionary<FontRole, string> Roles, IReadOnlyList<string> Fallbacks)
{
    /// <summary>The fonts that ship with the library: Noto Serif/Sans SC reduced to GB2312, TrueType outlines.</summary>
    public static FontConfiguration Default { get; } = FromFolder(Path.Combine(AppContext.BaseDirectory, "Fonts"));

    public static FontConfiguration FromFolder(string folder)
    {
        string F(string name) => Path.Combine(folder, name);
        return new(new Dictionary<FontRole, string>
        {
            [FontRole.Title] = F("NotoSerifSC-Bold.ttf"),
            [FontRole.Body] = F("NotoSerifSC-Regular.ttf"),
            [FontRole.Heading1] = F("NotoSansSC-Regular.ttf"),
            [FontRole.Heading2] = F("NotoSerifSC-Bold.ttf"),
            [FontRole.Number] = F("NotoSerifSC-Regular.ttf"),
        }, [F("NotoSansSC-Regular.ttf"), F("NotoSerifSC-Regular.ttf")]);
    }
}
