using Dapper;
using Microsoft.Data.Sqlite;
using ReportWorker.Cli;
using ReportWorker.Tests.Support;

namespace ReportWorker.Tests.Demo;

/// <summary>`demo` on a fresh data folder, twice, through the real executable.</summary>
public sealed class DemoTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("rw-demo-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_root, recursive: true);
    }

    [Fact]
    public void Demo_leaves_ledger_archive_and_receipts_and_a_second_run_duplicates_nothing()
    {
        var samples = DemoCommand.FindSamples() ?? throw new InvalidOperationException("samples/ not found above the test binaries");
        var data = Path.Combine(_root, "data");
        var env = new Dictionary<string, string> { ["Data__Root"] = data };
        var expectedFiles = File.ReadLines(Path.Combine(samples, "manifest.csv")).Skip(1).Count(l => l.Length > 0);

        var first = WorkerProcess.Run(_root, env, "demo", "--samples", samples);
        Assert.True(first.ExitCode == 0, first.Error);
        Assert.Contains($"收取 {expectedFiles} 份文件", first.Output);
        var emlAfterFirst = Directory.GetFiles(Path.Combine(data, "outbox"), "*.eml").Length;
        var answers = Directory.GetFiles(Path.Combine(data, "outbox"), "*.eml").Count(f => f.Contains("-receipt-") || f.Contains("-rejection"));

        var second = WorkerProcess.Run(_root, env, "demo", "--samples", samples);
        Assert.True(second.ExitCode == 0, second.Error);
        Assert.Contains("所有示例报表此前都已收取", second.Output);

        Assert.Equal(expectedFiles, answers);                       // one answer per file received
        Assert.Single(Directory.GetFiles(Path.Combine(data, "outbox"), "*-quarterly-notice.eml"));
        // The leaders' copy, and the circular to the 40 units with every liaison in Bcc once (500 to a message).
        var notices = Directory.GetFiles(Path.Combine(data, "outbox"), "*-monthly-notice*.eml").Select(f => MimeKit.MimeMessage.Load(f)).ToArray();
        var liaisons = notices.SelectMany(m => m.Bcc.Mailboxes).Select(a => a.Address).ToArray();
        Assert.Single(notices, m => m.To.Mailboxes.Any(a => a.Address == "shuji@example.gov.cn"));
        Assert.Equal(liaisons.Length, liaisons.Distinct().Count());
        Assert.True(liaisons.Length >= 40, $"{liaisons.Length} liaisons");
        Assert.Equal(1 + (liaisons.Length + 499) / 500, notices.Length);
        Assert.True(File.Exists(Path.Combine(data, "briefings", "2025-03", "2025-03-月通报.pdf")));
        Assert.Equal(emlAfterFirst, Directory.GetFiles(Path.Combine(data, "outbox"), "*.eml").Length);
        Assert.Equal(expectedFiles, Directory.GetFiles(Path.Combine(data, "archive"), "*", SearchOption.AllDirectories).Length);
        using var c = new SqliteConnection($"Data Source={Path.Combine(data, "reportworker.db")}");
        c.Open();
        Assert.Equal(expectedFiles, c.ExecuteScalar<long>("SELECT COUNT(*) FROM received_files"));
        Assert.Equal(3, c.ExecuteScalar<long>("SELECT COUNT(*) FROM received_files WHERE outcome <> 'accepted'"));
        Assert.Equal(40, c.ExecuteScalar<long>("SELECT COUNT(*) FROM units"));
        Assert.Equal(298, c.ExecuteScalar<long>("SELECT COUNT(*) FROM tasks"));
        // Each month one unit is missing; every other unit has exactly one report in force.
        Assert.Equal(39, c.ExecuteScalar<long>("SELECT COUNT(*) FROM submissions WHERE month = '2025-03' AND superseded_by IS NULL"));
        var rejections = Directory.GetFiles(Path.Combine(data, "outbox"), "*-rejection-*.eml");
        Assert.Equal(2, rejections.Length); // the PDF renamed .xlsx has no unit: its answer goes to the office
        Assert.All(rejections, f => Assert.Contains("第", MimeKit.MimeMessage.Load(f, TestContext.Current.CancellationToken).TextBody));
    }
}
