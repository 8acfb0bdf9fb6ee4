using Microsoft.Data.Sqlite;
using ReportWorker.Cli;
using ReportWorker.Demo;
using ReportWorker.Samples;
using ReportWorker.Tests.Support;

namespace ReportWorker.Tests.Demo;

/// <summary>
/// `demo` on a fresh data folder, twice, through the real executable: once for the tests of a class, since
/// a run replays a year of forms and briefings.
/// </summary>
public sealed class DemoRun : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("rw-demo-").FullName;

    public DemoRun()
    {
        Samples = DemoCommand.FindSamples() ?? throw new InvalidOperationException("samples/ not found above the test binaries");
        Data = Path.Combine(_root, "data");
        Env = new Dictionary<string, string> { ["Data__Root"] = Data };
        First = WorkerProcess.Run(_root, Env, "demo", "--samples", Samples);
        OutboxAfterFirst = Directory.GetFiles(Outbox, "*.eml").Length;
        Second = WorkerProcess.Run(_root, Env, "demo", "--samples", Samples);
    }

    public string Samples { get; }
    public string Data { get; }
    public Dictionary<string, string> Env { get; }
    public (int ExitCode, string Output, string Error) First { get; }
    public (int ExitCode, string Output, string Error) Second { get; }
    public int OutboxAfterFirst { get; }
    public string Outbox => Path.Combine(Data, "outbox");
    public string Generated => Path.Combine(Data, DemoArrivals.FolderName);

    /// <summary>Every manifest line the demo replays (samples/, then the months it wrote into the data folder): the folder, the file, the note.</summary>
    public IReadOnlyList<(string Folder, string File, string Note)> Arrivals =>
        [.. new[] { Samples, Generated }.SelectMany(folder => File.ReadLines(Path.Combine(folder, SampleGenerator.ManifestName)).Skip(1)
            .Where(l => l.Length > 0).Select(l => l.Split(',')).Select(f => (folder, f[1], f.Length > 3 ? f[3] : "")))];

    public (int ExitCode, string Output, string Error) Run(params string[] args) => WorkerProcess.Run(_root, Env, args);

    public SqliteConnection Ledger()
    {
        var c = new SqliteConnection($"Data Source={Path.Combine(Data, "reportworker.db")}");
        c.Open();
        return c;
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_root, recursive: true);
    }
}
