using BenchmarkDotNet.Attributes;
using ReportWorker.Documents.Rendering;

namespace ReportWorker.Benchmarks;

/// <summary>BenchmarkDotNet: rendering the corpus document end to end (layout, subsetting, PDF).</summary>
[MemoryDiagnoser]
public class RenderBenchmarks
{
    private BenchmarkCorpus _corpus = null!;

    [Params(50, 200)] public int Pages { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _corpus = new BenchmarkCorpus(Pages);
        _corpus.Document().Render(); // load fonts once, as a running worker would have
    }

    [Benchmark]
    public RenderedDocument Render() => _corpus.Document().Render();
}
