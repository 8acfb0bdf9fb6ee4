namespace ReportWorker.Hosting;

/// <summary>The known name a mistyped one was most likely meant to be ("DueDya" → "DueDay").</summary>
public static class NearestName
{
    /// <summary>The closest of <paramref name="known"/> by edit distance (case ignored), if it is close enough to be a typo.</summary>
    public static string? Find(string typed, IEnumerable<string> known)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var name in known)
        {
            var d = Distance(typed.ToLowerInvariant(), name.ToLowerInvariant());
            if (d < bestDistance) (best, bestDistance) = (name, d);
        }
        // A third of the name may be wrong (two letters swapped is 2), or one name contains the other (WorkingDayOnly/WorkingDaysOnly).
        return best is not null && (bestDistance <= Math.Max(2, typed.Length / 3)
            || best.Contains(typed, StringComparison.OrdinalIgnoreCase) || typed.Contains(best, StringComparison.OrdinalIgnoreCase))
            ? best : null;
    }

    /// <summary>"，是不是 DueDay？" or nothing, to follow a sentence that names the unknown key.</summary>
    public static string Hint(string typed, IEnumerable<string> known) =>
        Find(typed, known) is { } near ? $"，是不是 {near}？" : "";

    /// <summary>Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours cost 1.</summary>
    private static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++) d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
            }
        return d[a.Length, b.Length];
    }
}
