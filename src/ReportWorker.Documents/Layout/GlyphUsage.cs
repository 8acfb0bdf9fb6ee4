namespace ReportWorker.Documents.Layout;

/// <summary>Characters used per font face across a document.</summary>
public sealed class GlyphUsage
{
    private readonly Dictionary<int, HashSet<int>> _byFace = [];

    public void Add(int face, int codepoint)
    {
        if (!_byFace.TryGetValue(face, out var set)) _byFace[face] = set = [];
        set.Add(codepoint);
    }

    public void Add(int face, string text)
    {
        foreach (var r in text.EnumerateRunes()) Add(face, r.Value);
    }

    public IReadOnlyDictionary<int, HashSet<int>> ByFace => _byFace;
}
