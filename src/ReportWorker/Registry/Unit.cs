namespace ReportWorker.Registry;

public sealed record Liaison(string Name, string Email);

/// <summary>A unit under the committee, with the liaisons who send and receive its forms.</summary>
public sealed record Unit(string Code, string Name, string ShortName, IReadOnlyList<string> Aliases, IReadOnlyList<Liaison> Liaisons, int SortOrder = 0)
{
    public IEnumerable<string> Names => [Code, Name, ShortName, .. Aliases];
}
