using ReportWorker.Text;

namespace ReportWorker.Registry;

/// <summary>Finds a unit by any of the names a person may use for it: code, full name, short name, alias.</summary>
public sealed class UnitResolver
{
    private readonly Dictionary<string, string> _byName = new(StringComparer.Ordinal);

    public UnitResolver(IEnumerable<Unit> units)
    {
        foreach (var unit in units)
            foreach (var name in unit.Names)
                _byName.TryAdd(Key(name), unit.Code);
    }

    public string? Resolve(string? name) => _byName.GetValueOrDefault(Key(name ?? ""));

    private static string Key(string name) => TextNormalizer.Narrow(name).ToUpperInvariant();
}
