using BenchmarkDotNet.Running;
using ReportWorker.Benchmarks;

// dotnet run -c Release --project tests/ReportWorker.Benchmarks -- measure [--chromium]   quick, reproducible figures
// dotnet run -c Release --project tests/ReportWorker.Benchmarks -- bdn                    BenchmarkDotNet run
// dotnet run -c Release --project tests/ReportWorker.Benchmarks -- peak PAGES             one render, prints peak memory
// dotnet run -c Release --project tests/ReportWorker.Benchmarks -- scale [--factor N]...  the whole month at N × the province, each N in its own process
// dotnet run -c Release --project tests/ReportWorker.Benchmarks -- soak [--months 10]...   the real service for months on the rehearsal clock, memory per month
return args.FirstOrDefault() switch
{
    "scale" => ReportWorker.Benchmarks.Scale.ScaleCommand.Run(args[1..]),
    "scale-run" => ReportWorker.Benchmarks.Scale.ScaleCommand.RunOne(args[1..]), // hidden: one factor, called by scale
    "soak" => ReportWorker.Benchmarks.Soak.SoakCommand.Run(args[1..]),
    "bdn" => RunBdn(args[1..]),
    "peak" => Measurements.Peak(int.Parse(args[1])),
    _ => Measurements.Run(args.Contains("--chromium")),
};

static int RunBdn(string[] rest)
{
    BenchmarkSwitcher.FromAssembly(typeof(RenderBenchmarks).Assembly).Run(rest.Length == 0 ? ["--filter", "*"] : rest);
    return 0;
}
