using BenchmarkDotNet.Running;
using ReportWorker.Benchmarks;

// dotnet run -c Release --project tests/ReportWorker.Benchmarks -- measure [--chromium]   quick, reproducible figures
// dotnet run -c Release --project tests/ReportWorker.Benchmarks -- bdn                    BenchmarkDotNet run
// dotnet run -c Release --project tests/ReportWorker.Benchmarks -- peak PAGES             one render, prints peak memory
return args.FirstOrDefault() switch
{
    "bdn" => RunBdn(args[1..]),
    "peak" => Measurements.Peak(int.Parse(args[1])),
    _ => Measurements.Run(args.Contains("--chromium")),
};

static int RunBdn(string[] rest)
{
    BenchmarkSwitcher.FromAssembly(typeof(RenderBenchmarks).Assembly).Run(rest.Length == 0 ? ["--filter", "*"] : rest);
    return 0;
}
