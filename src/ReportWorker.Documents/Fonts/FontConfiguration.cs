namespace ReportWorker.Documents.Fonts;

/// <summary>
/// Which font file each role uses, and where to look when a character is missing. Paths may point at
/// .ttf/.otf files or at a face in a .ttc ("file.ttc#2"). CFF-outline fonts are refused: their copied
/// text comes out as radicals in PDF readers.
/// </summary>
/// <remarks>
/// Two configurations that name the same faces for the same roles, in the same fallback order, are equal,
/// however their collections were built: <see cref="FontSet.For"/> keys its cache on this, and a caller that
/// builds a new configuration from its settings for every document must still get the fonts already loaded.
/// </remarks>
public sealed record FontConfiguration(IReadOnlyDictionary<FontRole, string> Roles, IReadOnlyList<string> Fallbacks)
{
    /// <summary>
    /// The fonts that ship with the library, reduced to GB2312 with TrueType outlines: Noto Serif/Sans SC, and
    /// LXGW WenKai (as "WenKai GB2312") for the 楷体 of （一） headings.
    /// </summary>
    public static FontConfiguration Default { get; } = FromFolder(Path.Combine(AppContext.BaseDirectory, "Fonts"));

    public static FontConfiguration FromFolder(string folder)
    {
        string F(string name) => Path.Combine(folder, name);
        return new(new Dictionary<FontRole, string>
        {
            // 方正小标宋 is a Song with thick horizontals and little stroke contrast: a title is a dark block over
            // the body. Rendered side by side at 22 pt, Bold keeps hairline horizontals and reads as emphasised
            // body text; Black's horizontals are heavy like 小标宋's and its counters still stay open at that size.
            [FontRole.Title] = F("NotoSerifSC-Black.ttf"),
            [FontRole.Body] = F("NotoSerifSC-Regular.ttf"),
            [FontRole.Heading1] = F("NotoSansSC-Regular.ttf"),
            // GB/T 9704 sets （一） headings in 楷体: a real kaiti, not a heavier Song.
            [FontRole.Heading2] = F("WenKaiGB2312-Regular.ttf"),
            [FontRole.Number] = F("NotoSerifSC-Regular.ttf"),
        }, [F("NotoSansSC-Regular.ttf"), F("NotoSerifSC-Regular.ttf")]);
    }

    /// <summary>The face a role draws with: its own, or the body's when the role is not configured.</summary>
    public string SpecOf(FontRole role) => Roles.TryGetValue(role, out var spec) ? spec : Roles[FontRole.Body];

    public bool Equals(FontConfiguration? other) =>
        other is not null && (ReferenceEquals(this, other) || string.Equals(Key, other.Key, StringComparison.Ordinal));

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Key);

    // Computed on each call, never stored: a `with` copy would carry a stored key of the original.
    private string Key => string.Join('\n',
        Enum.GetValues<FontRole>().Select(r => FontSpec.Normalize(SpecOf(r))).Append("").Concat(Fallbacks.Select(FontSpec.Normalize)));
}
