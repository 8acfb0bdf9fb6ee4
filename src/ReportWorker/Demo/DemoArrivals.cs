using System.Globalization;
using ReportWorker.Periods;
using ReportWorker.Samples;

namespace ReportWorker.Demo;

/// <summary>A returned form of the sample year: where it is, how the manifest names it, and when it arrived.</summary>
public sealed record DemoArrival(ReportMonth Month, string Path, string Name, DateTimeOffset ArrivedAt);

/// <summary>
/// The forms the demo replays: those in the samples folder, and the rest of the sample year written by the
/// same generator into the data folder (demo-forms/). The repository keeps January to March only, since the
/// other nine months would add some 3.3 MB of zipped workbooks; the generator is deterministic, so a second
/// run writes the same bytes and the intake recognises every file as already received.
/// </summary>
public sealed class DemoArrivals(SampleGenerator generator, Storage.DataPaths paths)
{
    public const string FolderName = "demo-forms";

    public string GeneratedFolder => Path.Combine(paths.Root, FolderName);

    /// <summary>Every arrival, oldest first. Months the samples folder lacks are generated, provided it holds the generator's own province.</summary>
    public IReadOnlyList<DemoArrival> Load(string samplesFolder, TextWriter log)
    {
        var arrivals = Read(samplesFolder).ToList();
        var have = arrivals.Select(a => a.Month).ToHashSet();
        var missing = SampleGenerator.Months.Where(m => !have.Contains(m)).ToArray();
        if (missing.Length > 0)
        {
            // Written afresh each run: a folder left by an older generator must not be replayed.
            if (Directory.Exists(GeneratedFolder)) Directory.Delete(GeneratedFolder, recursive: true);
            var summary = generator.Generate(GeneratedFolder, missing);
            if (SameProvince(samplesFolder, GeneratedFolder))
            {
                arrivals.AddRange(Read(GeneratedFolder));
                log.WriteLine($"{missing[0].ToChinese()}至{missing[^1].ToChinese()}的回传报表 {summary.Files} 份由示例生成器写到 {GeneratedFolder}（仓库只保存1—3月）。");
            }
            else
                log.WriteLine($"注意：{samplesFolder} 的单位名录或任务清单与示例生成器的不同，只演示其中已有的月份（{string.Join("、", have.Order().Select(m => m.ToChinese()))}）。");
        }
        return [.. arrivals.OrderBy(a => a.ArrivedAt)];
    }

    private static IEnumerable<DemoArrival> Read(string folder) =>
        File.ReadLines(Path.Combine(folder, SampleGenerator.ManifestName)).Skip(1).Where(l => l.Length > 0).Select(l => l.Split(','))
            .Select(p => new DemoArrival(ReportMonth.Parse(p[0]), Path.Combine(folder, "forms", p[1]), p[1], DateTimeOffset.Parse(p[2], CultureInfo.InvariantCulture)));

    private static bool SameProvince(string a, string b) =>
        new[] { "units.xlsx", "tasks.xlsx" }.All(f => File.ReadAllBytes(Path.Combine(a, f)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(b, f))));
}
