namespace ReportWorker.Documents.Fonts;

/// <summary>A face named as "path" or "path#index" (a face in a .ttc collection).</summary>
internal static class FontSpec
{
    public static (string Path, int Index) Parse(string spec)
    {
        var hash = spec.LastIndexOf('#');
        return hash > 0 && int.TryParse(spec[(hash + 1)..], out var i) ? (spec[..hash], i) : (spec, 0);
    }

    /// <summary>One spelling per face: the full path and the index, so "a.ttc" and "./a.ttc#0" are the same face.</summary>
    public static string Normalize(string spec)
    {
        var (path, index) = Parse(spec);
        return $"{System.IO.Path.GetFullPath(path)}#{index}";
    }
}
