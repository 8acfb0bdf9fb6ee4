using System.Globalization;
using System.Text;

namespace ReportWorker.Benchmarks.Soak;

/// <summary>One reading of the worker's resident memory, with the simulated moment it stands for.</summary>
internal sealed record RssSample(DateTimeOffset Real, DateTimeOffset Simulated, long Kb, double CpuSeconds);

/// <summary>The soak's result as Markdown: memory per simulated month, font files opened, what the worker issued.</summary>
internal sealed class SoakReport
{
    public required string Heading { get; init; }
    public required IReadOnlyList<RssSample> Samples { get; init; }
    public long PeakKb { get; init; }
    public required (IReadOnlyDictionary<string, int> ByFile, string? Example) FontLines { get; init; }
    /// <summary>Successful openat calls per font file, or null when strace was not used (the reason in <see cref="StraceNote"/>).</summary>
    public IReadOnlyDictionary<string, int>? FontOpens { get; init; }
    public string StraceNote { get; init; } = "";
    public required IReadOnlyList<SoakLedger.Run> Runs { get; init; }
    public required IReadOnlyList<(string What, long Count)> Counts { get; init; }
    public required IReadOnlyList<string> Briefings { get; init; }
    public required IReadOnlyList<string> Returns { get; init; }
    public required IReadOnlyList<string> Notes { get; init; }

    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    public string ToMarkdown()
    {
        var s = new StringBuilder();
        void L(string line = "") => s.Append(line).Append('\n');
        L($"## {Heading}");
        L();
        foreach (var note in Notes) L($"- {note}");
        L();
        L("| simulated month | samples | median RSS | max RSS | worker CPU |");
        L("|---|---:|---:|---:|---:|");
        var months = Samples.GroupBy(x => x.Simulated.ToOffset(China).ToString("yyyy-MM", CultureInfo.InvariantCulture)).OrderBy(g => g.Key).ToArray();
        var medians = new Dictionary<string, double>();
        foreach (var g in months)
        {
            var kb = g.Select(x => x.Kb).Order().ToArray();
            medians[g.Key] = Median(kb);
            L($"| {g.Key} | {kb.Length} | {Mb(medians[g.Key])} | {Mb(kb[^1])} | {g.Max(x => x.CpuSeconds) - g.Min(x => x.CpuSeconds):0.0} s |");
        }
        L();
        var max = Samples.Count == 0 ? null : Samples.MaxBy(x => x.Kb);
        if (max is not null) L($"Peak: highest sample {Mb(max.Kb)} (simulated {max.Simulated.ToOffset(China):yyyy-MM-dd HH:mm}); the kernel's high-water mark (VmHWM) {Mb(PeakKb)}.");
        var april = medians.Keys.FirstOrDefault(k => k.EndsWith("-04", StringComparison.Ordinal));
        var december = medians.Keys.FirstOrDefault(k => k.EndsWith("-12", StringComparison.Ordinal));
        if (april is not null && december is not null)
            L($"December / April (medians): {medians[december] / medians[april]:0.00} (goal: at most 1.15).");
        L();
        L("### Font files");
        L();
        L("| font file | opened (strace openat) | log lines naming it |");
        L("|---|---:|---:|");
        var files = (FontOpens?.Keys ?? []).Union(FontLines.ByFile.Keys).Order(StringComparer.Ordinal);
        foreach (var f in files)
            L($"| `{f}` | {(FontOpens is null ? "—" : FontOpens.GetValueOrDefault(f).ToString(CultureInfo.InvariantCulture))} | {FontLines.ByFile.GetValueOrDefault(f)} |");
        if (StraceNote.Length > 0) L($"\n{StraceNote}");
        L(FontLines.Example is null
            ? "\nNo line of the worker's log names a font file (the worker does not log font loads)."
            : $"\nA log line counted: `{FontLines.Example}`");
        L();
        L("### What the worker did");
        L();
        L("| job | period | status | started (simulated) | after its cron time | summary |");
        L("|---|---|---|---|---:|---|");
        foreach (var r in Runs.Where(r => r.Job is not "reminders"))
            L($"| {r.Job} | {r.Period} | {r.Status} | {r.Started.ToOffset(China):yyyy-MM-dd HH:mm} | {Hours(r.Delay)} | {r.Summary?.Replace("|", "/", StringComparison.Ordinal)} |");
        L("\nA run 24 or 48 h after its cron time was moved off a weekend or holiday (WorkingDaysOnly); the rest is how far the worker lagged the fast clock.");
        var reminders = Runs.Where(r => r.Job == "reminders").ToArray();
        var sent = reminders.Where(r => r.Summary?.Contains("催报 ", StringComparison.Ordinal) == true).Select(r => $"{r.Period} ({r.Summary!.Split(' ')[0]}: {r.Summary.Split(' ')[2]} units)");
        L($"\nReminder runs: {reminders.Length} ({string.Join(", ", reminders.GroupBy(r => r.Status).Select(g => $"{g.Count()} {g.Key}"))}). " +
          $"Days that reminded someone: {string.Join("; ", sent)}.");
        L($"\nLedger: {string.Join("; ", Counts.Select(c => $"{c.What} {c.Count}"))}.");
        L($"\nBriefing files under data/briefings: {Briefings.Count(b => b.Contains("月通报", StringComparison.Ordinal))} 月通报, " +
          $"{Briefings.Count(b => b.Contains("季督办", StringComparison.Ordinal))} 季督办, {Briefings.Count(b => b.Contains("督办单", StringComparison.Ordinal))} 督办单.");
        L();
        L("Forms returned by the harness:");
        L();
        foreach (var r in Returns) L($"- {r}");
        return s.ToString();
    }

    private static double Median(long[] sorted) => sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2.0;
    private static string Mb(double kb) => $"{kb / 1024:0} MB";
    private static string Hours(TimeSpan? t) => t is { } d ? $"{d.TotalHours:0.0} h" : "—";
}
