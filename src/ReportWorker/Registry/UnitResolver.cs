using ReportWorker.Text;

namespace ReportWorker.Registry;

/// <summary>
/// Finds a unit by any of the names a person may use for it: code, full name, short name, alias.
/// A name that fits two units resolves to neither, so the import can ask which one was meant.
/// </summary>
public sealed class UnitResolver
{
    private readonly Dictionary<string, string> _byName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _ambiguous = new(StringComparer.Ordinal);

    public UnitResolver(IEnumerable<Unit> units)
    {
        foreach (var unit in units)
            foreach (var key in unit.Names.Select(Key).Distinct())
            {
                if (_ambiguous.TryGetValue(key, out var many)) { many.Add(unit.Code); continue; }
                if (_byName.Remove(key, out var first) && first != unit.Code) { _ambiguous[key] = [first, unit.Code]; continue; }
                _byName[key] = unit.Code;
            }
    }

    public string? Resolve(string? name) => _byName.GetValueOrDefault(Key(name ?? ""));

    /// <summary>The units a name could mean when it means more than one.</summary>
    public IReadOnlyList<string> Candidates(string? name) => _ambiguous.GetValueOrDefault(Key(name ?? "")) ?? [];

    private static string Key(string name) => TextNormalizer.Narrow(name).ToUpperInvariant();
}
