using System.Collections.Concurrent;

namespace ReportWorker.Documents.Fonts;

/// <summary>
/// The loaded fonts of a configuration: one face per distinct file, each role pointing at one, and a
/// fallback chain for characters the role's font lacks. Sets are kept per configuration (equal
/// configurations share one) and their faces per file, for the life of the process; both are safe to
/// share between threads.
/// </summary>
public sealed class FontSet
{
    private static readonly ConcurrentDictionary<FontConfiguration, Lazy<FontSet>> Cache = new();
    private readonly Dictionary<FontRole, int> _roles = [];
    private readonly int[] _fallbacks;
    private readonly List<FontFace> _faces = [];

    private FontSet(FontConfiguration configuration)
    {
        Configuration = configuration;
        var bySpec = new Dictionary<string, int>(StringComparer.Ordinal);
        int FaceOf(string spec)
        {
            var key = FontSpec.Normalize(spec);
            if (bySpec.TryGetValue(key, out var i)) return i;
            _faces.Add(FontFace.Load(spec));
            return bySpec[key] = _faces.Count - 1;
        }
        foreach (var role in Enum.GetValues<FontRole>())
            _roles[role] = FaceOf(configuration.SpecOf(role));
        _fallbacks = configuration.Fallbacks.Where(f => File.Exists(FontSpec.Parse(f).Path)).Select(FaceOf).ToArray();
    }

    /// <summary>The bundled fonts (<see cref="FontConfiguration.Default"/>).</summary>
    public static FontSet Default => For(FontConfiguration.Default);

    public FontConfiguration Configuration { get; }

    /// <summary>The faces in the order roles and fallbacks first named them; face numbers index this list.</summary>
    public IReadOnlyList<FontFace> Faces => _faces;

    /// <summary>The set for this configuration, loaded on first use and shared by every equal configuration after.</summary>
    public static FontSet For(FontConfiguration configuration)
    {
        var lazy = Cache.GetOrAdd(configuration, c => new Lazy<FontSet>(() => new FontSet(c), LazyThreadSafetyMode.ExecutionAndPublication));
        try { return lazy.Value; }
        catch
        {
            Cache.TryRemove(new KeyValuePair<FontConfiguration, Lazy<FontSet>>(configuration, lazy));
            throw;
        }
    }

    public int FaceOf(FontRole role) => _roles[role];

    /// <summary>The face that draws this character for this role, or -1 if no configured font has it.</summary>
    public int Resolve(int codepoint, FontRole role)
    {
        var face = _roles[role];
        if (_faces[face].Has(codepoint)) return face;
        foreach (var f in _fallbacks)
            if (_faces[f].Has(codepoint)) return f;
        return -1;
    }

    /// <summary>The role's face, then the fallbacks: the faces that may draw a run that must stay in one font (a chart).</summary>
    internal IEnumerable<int> Candidates(FontRole role) => _fallbacks.Prepend(_roles[role]).Distinct();
}
