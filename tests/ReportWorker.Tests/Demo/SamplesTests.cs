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

        new SampleGenerator(world.Get<FormService>(), world.Get<FormLayoutProvider>()).Generate(fresh);

        var expected = Directory.GetFiles(fresh, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(fresh, f)).Order().ToArray();
        var actual = Directory.GetFiles(committed, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(committed, f)).Where(f => f != "README.md").Order().ToArray();
        Assert.Equal(expected, actual);
        Assert.All(expected, f => Assert.True(File.ReadAllBytes(Path.Combine(fresh, f)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(committed, f))), $"{f} differs from the generator's output: run `samples --out samples`"));
    }
}
