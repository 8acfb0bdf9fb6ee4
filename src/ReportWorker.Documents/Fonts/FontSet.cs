using System.Collections.Concurrent;

namespace ReportWorker.Documents.Fonts;

/// <summary>
/// The loaded fonts of a configuration: one face per distinct file, each role pointing at one, and a
/// fallback chain for characters the role's font lacks. Loading is slow (megabytes), so sets are
/// cached per configuration for the life of the process.
/// </summary>
public sealed class FontSet
{
    private static readonly ConcurrentDictionary<FontConfiguration, FontSet> Cache = new();
    private readonly Dictionary<FontRole, int> _roles = [];
    private readonly int[] _fallbacks;

    private FontSet(FontConfiguration configuration)
    {
        var bySpec = new Dictionary<string, int>(StringComparer.Ordinal);
        int FaceOf(string spec)
        {
            var key = Path.GetFullPath(spec.Split('#')[0]) + (spec.Contains('#') ? "#" + spec.Split('#')[1] : "");
            if (bySpec.TryGetValue(key, out var i)) return i;
            Faces.Add(FontFace.Load(spec));
            return bySpec[key] = Faces.Count - 1;
        }
        foreach (var role in Enum.GetValues<FontRole>())
            _roles[role] = FaceOf(configuration.Roles.TryGetValue(role, out var spec) ? spec : configuration.Roles[FontRole.Body]);
        _fallbacks = configuration.Fallbacks.Where(f => File.Exists(f.Split('#')[0])).Select(FaceOf).ToArray();
    }

    public List<FontFace> Faces { get; } = [];

    public static FontSet For(FontConfiguration configuration) => Cache.GetOrAdd(configuration, c => new FontSet(c));

    public int FaceOf(FontRole role) => _roles[role];

    /// <summary>The face that draws this character for this role, or -1 if no configured font has it.</summary>
    public int Resolve(int codepoint, FontRole role)
    {
        var face = _roles[role];
        if (Faces[face].Has(codepoint)) return face;
        foreach (var f in _fallbacks)
            if (Faces[f].Has(codepoint)) return f;
        return -1;
    }
}
