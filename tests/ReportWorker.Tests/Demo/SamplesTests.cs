using ReportWorker.Calendar;
using ReportWorker.Cli;
using ReportWorker.Forms;
using ReportWorker.Samples;
using ReportWorker.Tests.Support;

namespace ReportWorker.Tests.Demo;

public sealed class SamplesTests
{
    [Fact]
    public void The_committed_samples_are_exactly_what_the_generator_writes()
    {
        var committed = DemoCommand.FindSamples() ?? throw new InvalidOperationException("samples/ not found");
        using var world = new TestWorld();
        var fresh = Path.Combine(world.Root, "samples");

        new SampleGenerator(world.Get<FormService>(), world.Get<FormLayoutProvider>(), world.Get<ReportingCalendar>()).Generate(fresh);

        var expected = Directory.GetFiles(fresh, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(fresh, f)).Order().ToArray();
        var actual = Directory.GetFiles(committed, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(committed, f)).Where(f => f != "README.md" && !f.StartsWith("deploy" + Path.DirectorySeparatorChar, StringComparison.Ordinal)).Order().ToArray(); // deploy/: the hand-written deployment files
        Assert.Equal(expected, actual);
        Assert.All(expected, f => Assert.True(File.ReadAllBytes(Path.Combine(fresh, f)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(committed, f))), $"{f} differs from the generator's output: run `samples --out samples`"));
    }

    /// <summary>
    /// The demo writes April to December at run time into its data folder: those files must be what the whole year
    /// holds (the same bytes whether written alone or with the rest), and writing the whole year must leave the
    /// committed first quarter as it is.
    /// </summary>
    [Fact]
    public void The_months_written_alone_are_those_of_the_whole_year_and_the_first_quarter_is_the_committed_one()
    {
        var committed = DemoCommand.FindSamples() ?? throw new InvalidOperationException("samples/ not found");
        using var world = new TestWorld();
        var generator = new SampleGenerator(world.Get<FormService>(), world.Get<FormLayoutProvider>(), world.Get<ReportingCalendar>());
        var year = Path.Combine(world.Root, "year");
        var later = Path.Combine(world.Root, "later");

        generator.Generate(year, SampleGenerator.Months);
        generator.Generate(later, SampleGenerator.Months[3..]);

        var yearForms = Forms(year);
        Assert.Equal(SampleGenerator.Months.Select(m => m.ToString()), yearForms.Select(f => f.Split('/')[0]).Distinct().Order());
        Assert.Equal(yearForms.Where(f => string.CompareOrdinal(f, "2025-04") < 0), Forms(committed));
        Assert.Equal(yearForms.Where(f => string.CompareOrdinal(f, "2025-04") > 0), Forms(later));
        Assert.All(Forms(committed), f => Assert.True(Same(year, committed, f), $"{f}: the whole year's differs from the committed one"));
        Assert.All(Forms(later), f => Assert.True(Same(year, later, f), $"{f}: written alone, it differs from the whole year's"));
        var lines = Manifest(year);
        Assert.Equal(lines.Where(l => l[..7] is "2025-01" or "2025-02" or "2025-03").Order(), Manifest(committed).Order());
        Assert.Equal(lines.Where(l => string.CompareOrdinal(l[..7], "2025-04") >= 0), Manifest(later));
    }

    private static string[] Forms(string folder) =>
        [.. Directory.GetFiles(Path.Combine(folder, "forms"), "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(Path.Combine(folder, "forms"), f).Replace('\\', '/')).Order(StringComparer.Ordinal)];

    private static bool Same(string a, string b, string form) =>
        File.ReadAllBytes(Path.Combine(a, "forms", form)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(b, "forms", form)));

    private static string[] Manifest(string folder) => [.. File.ReadLines(Path.Combine(folder, SampleGenerator.ManifestName)).Skip(1).Where(l => l.Length > 0)];
}
