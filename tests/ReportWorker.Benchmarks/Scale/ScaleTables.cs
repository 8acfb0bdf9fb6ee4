using System.Globalization;

namespace ReportWorker.Benchmarks.Scale;

/// <summary>The figures as Markdown: each run's stages, the stages side by side with how they grow, and the goals.</summary>
internal static class ScaleTables
{
    public static void Print(IReadOnlyList<FactorResult> results, IReadOnlyDictionary<int, (double Seconds, double Mb, string Name)> goals)
    {
        var o = Console.Out;
        foreach (var r in results)
        {
            o.WriteLine();
            o.WriteLine($"### {r.Factor}× ({r.Factor * 100:N0} units, {r.Factor * 300:N0} tasks){(r.SkippedIntake ? ", March written into the ledger instead of stage 3 (--skip-intake)" : "")}{(r.SkippedMonthly ? ", no 月通报 (--skip-monthly)" : "")}{(r.Environment.Length > 0 ? $", with {r.Environment}" : "")}; load average {r.LoadBefore} before, {r.LoadAfter} after (2 cores)");
            o.WriteLine();
            o.WriteLine("| stage | items | wall (s) | per item (ms) | cpu (s) | written to disk (MB) | peak so far (MB) | detail |");
            o.WriteLine("|---|---:|---:|---:|---:|---:|---:|---|");
            foreach (var s in r.Stages)
                o.WriteLine($"| {s.Stage} | {s.Items:N0} {s.Unit} | {s.Seconds:0.000} | {s.MsPerItem:0.00} | {s.CpuSeconds:0.0} | {s.DiskMb:0} | {s.HwmKb / 1024.0:0} | {s.Detail} |");
            if (r.Running is not null && !r.Finished)
                o.WriteLine($"| {r.Running} | | did not finish | | | | | {string.Join("; ", r.Parts)}{(r.Parts.Count > 0 ? "; " : "")}{(r.Progress is { } last ? $"last seen {last.Seconds:0} s into the stage: {last.Note}" : "")} |");
            o.WriteLine(r.Finished
                ? $"\nStages {r.StagesSeconds:0.00} s; whole child process {r.ProcessSeconds:0.0} s (with host start, generating the files, seeding); peak memory (VmHWM) {r.PeakKb / 1024.0:0} MB{(r.Probes.Count > 0 ? " (the probes' own allocations count in it)" : "")}; {r.SmtpBytes / 1e6:0.0} MB over SMTP; data folder {r.DataBytes / 1e6:0} MB."
                : $"\n**Did not finish:** {r.Failure}. Stages that finished: {r.StagesSeconds:0.00} s.{(r.PeakKb is { } p ? $" Peak memory so far {p / 1024.0:0} MB." : "")}");
        }

        var probed = results.Where(r => r.Probes.Count > 0).ToList();
        if (probed.Count > 0) Probes(o, probed);

        var runs = results.Where(r => r.Stages.Count > 0).ToList();
        if (runs.Count > 1) Growth(o, runs);

        o.WriteLine();
        o.WriteLine("| goal | wall: six stages | peak memory | met? |");
        o.WriteLine("|---|---:|---:|---|");
        foreach (var r in results.Where(r => goals.ContainsKey(r.Factor)))
        {
            var (seconds, mb, name) = goals[r.Factor];
            var wall = r.Finished ? $"{r.StagesSeconds:0.00} s" : "did not finish";
            var peak = r.PeakKb is { } k ? $"{k / 1024.0:0} MB" : "—";
            var met = r.SkippedIntake || r.SkippedMonthly ? "not comparable (stages skipped)" : !r.Finished ? "no" : r.StagesSeconds < seconds && r.PeakKb / 1024.0 < mb ? "yes"
                : $"no ({(r.StagesSeconds < seconds ? "" : "time")}{(r.StagesSeconds >= seconds && r.PeakKb / 1024.0 >= mb ? ", " : "")}{(r.PeakKb / 1024.0 < mb ? "" : "memory")})";
            o.WriteLine($"| {r.Factor}× {name}: < {seconds:0} s, < {mb:0} MB | {wall} | {peak} | {met} |");
        }
    }

    /// <summary>The calls each stage repeats per item, side by side across the factors.</summary>
    private static void Probes(TextWriter o, IReadOnlyList<FactorResult> runs)
    {
        o.WriteLine();
        o.WriteLine("### Probes (median of a few calls, outside the stages)");
        o.WriteLine();
        o.WriteLine($"| call | {string.Join(" | ", runs.Select(r => $"{r.Factor}×"))} |");
        o.WriteLine($"|---|{string.Concat(runs.Select(_ => "---:|"))}");
        foreach (var name in runs.SelectMany(r => r.Probes).Select(p => p.Name).Distinct())
        {
            var cells = runs.Select(r => r.Probes.FirstOrDefault(p => p.Name == name) is { Name: not null } p
                ? (p.Ms is { } ms ? $"{ms:0.00} ms" : "") + (p.Note.Length > 0 ? (p.Ms is null ? "" : "; ") + p.Note : "")
                : "—");
            o.WriteLine($"| {name} | {string.Join(" | ", cells)} |");
        }
    }

    /// <summary>
    /// Per stage: time per item at each factor, and the exponent k in time ∝ items^k between the
    /// smallest and the largest factor that finished the stage (1 = linear, 2 = quadratic).
    /// </summary>
    private static void Growth(TextWriter o, IReadOnlyList<FactorResult> runs)
    {
        o.WriteLine();
        o.WriteLine($"### How each stage grows");
        o.WriteLine();
        o.WriteLine($"| stage | {string.Join(" | ", runs.Select(r => $"{r.Factor}×"))} | per item, largest ÷ smallest | growth (time ∝ items^k) |");
        o.WriteLine($"|---|{string.Concat(runs.Select(_ => "---:|"))}---:|---|");
        foreach (var name in runs.SelectMany(r => r.Stages).Select(s => s.Stage).Distinct())
        {
            StageLine? Of(FactorResult r) => r.Stages.FirstOrDefault(s => s.Stage == name) ?? (r.Partial is { } p && p.Stage == name ? p : null);
            var cells = runs.Select(r => Of(r) is { } s
                ? s.Unit.EndsWith("(stopped)", StringComparison.Ordinal)
                    ? $"stopped after {s.Seconds:0} s, {s.Items:N0} done ({s.MsPerItem:0.00} ms/item)"
                    : $"{s.Seconds:0.00} s ({s.MsPerItem:0.00} ms/item)"
                : "—");
            var done = runs.Select(r => (r.Factor, Stage: Of(r))).Where(x => x.Stage is not null).ToList();
            var verdict = "—";
            var ratio = "—";
            if (done.Count > 1 && done[0].Stage!.Seconds > 0)
            {
                var (small, big) = (done[0], done[^1]);
                var perItem = big.Stage!.MsPerItem / small.Stage!.MsPerItem;
                // A stopped stage did fewer items than the factor implies: compare time per item, scaled to the items the factor implies.
                var bigItems = (double)small.Stage.Items * big.Factor / small.Factor;
                var k = Math.Log(big.Stage.MsPerItem * bigItems / (small.Stage.MsPerItem * small.Stage.Items)) / Math.Log(bigItems / small.Stage.Items);
                ratio = $"{perItem:0.0}× ({big.Factor}× vs {small.Factor}×)";
                verdict = k switch
                {
                    < 1.15 => $"linear (k = {k:0.00})",
                    < 1.4 => $"a little faster than linear (k = {k:0.00})",
                    _ => $"**super-linear** (time ∝ items^{k.ToString("0.00", CultureInfo.InvariantCulture)})",
                };
            }
            o.WriteLine($"| {name} | {string.Join(" | ", cells)} | {ratio} | {verdict} |");
        }
    }
}
