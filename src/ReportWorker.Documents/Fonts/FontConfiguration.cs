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

    /// <summary>The face a role draws with: its own, or the body's when the role is not configured.</summary>
    public string SpecOf(FontRole role) => Roles.TryGetValue(role, out var spec) ? spec : Roles[FontRole.Body];

    public bool Equals(FontConfiguration? other) =>
        other is not null && (ReferenceEquals(this, other) || string.Equals(Key, other.Key, StringComparison.Ordinal));

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Key);

    // Computed on each call, never stored: a `with` copy would carry a stored key of the original.
    private string Key => string.Join('\n',
        Enum.GetValues<FontRole>().Select(r => FontSpec.Normalize(SpecOf(r))).Append("").Concat(Fallbacks.Select(FontSpec.Normalize)));
}
