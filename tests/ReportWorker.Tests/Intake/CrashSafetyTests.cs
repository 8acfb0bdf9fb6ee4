using Dapper;
using ReportWorker.Ledger;
using ReportWorker.Storage;
using ReportWorker.Tests.Support;
using ReportWorker.Periods;

namespace ReportWorker.Tests.Intake;

/// <summary>
/// kill -9 in the middle of intake, then intake again: every file recorded exactly once, every
/// answer written once, every original kept. The worker runs as a real separate process and is
/// killed with SIGKILL, at each step boundary and at random moments.
/// </summary>
public sealed class CrashSafetyTests : IDisposable
{
    private const int GoodForms = 4;
    private readonly Dictionary<string, byte[]> _files = [];
    private readonly CrashHarness _harness;

    public CrashSafetyTests() => _harness = new CrashHarness(world =>
    {
        world.ImportSmallRegistry();
        var march = new ReportMonth(2025, 3);
        _files["a-省委办公厅.xlsx"] = world.FilledForm("U01", march);
        _files["b-省审计厅.xlsx"] = world.FilledForm("U02", march);
        _files["c-bad.xlsx"] = BadFiles.Make("bad-status", world);
        _files["d-海口海关.xlsx"] = world.FilledForm("U03", march);
        _files["e-pdf.xlsx"] = BadFiles.Make("pdf-renamed", world);
        _files["f-省审计厅更正.xlsx"] = world.FilledForm("U02", march, e => e.Text($"F{e.RowOf("C-001")}", "滞后"));
        foreach (var (name, bytes) in _files) world.Drop(name, bytes);
    });

    public void Dispose() => _harness.Dispose();

    [Theory]
    [InlineData("after-archive", 1)]
    [InlineData("after-archive", 3)]
    [InlineData("after-record", 1)]
    [InlineData("after-record", 4)]
    [InlineData("before-move", 2)]
    [InlineData("after-move", 2)]
    [InlineData("after-move", 6)]
    [InlineData("delivery-after-send", 3)]
    public void Killed_at_a_step_then_rerun_records_each_file_exactly_once(string step, int hit)
    {
        _harness.Crash("intake", step, hit);

        _harness.Rerun("intake");

        AssertEachFileRecordedOnce();
    }

    [Fact]
    public void Killed_at_random_moments_again_and_again_still_records_each_file_exactly_once()
    {
        var random = new Random(7);
        for (var i = 0; i < 5; i++)
        {
            using var process = _harness.Start("intake");
            Thread.Sleep(random.Next(300, 1500));   // a random moment, not a wait for anything
            if (!process.HasExited) process.Kill(); // SIGKILL on Linux
            process.WaitForExit();
        }

        _harness.Rerun("intake");

        AssertEachFileRecordedOnce();
    }

    private void AssertEachFileRecordedOnce()
    {
        using var c = _harness.Ledger();
        var received = c.Query<(string Sha, string Name, string Archive, string Outcome, long Finished)>(
            "SELECT sha256, original_name, archive_path, outcome, finished FROM received_files").ToArray();
        Assert.Equal(_files.Count, received.Length);
        Assert.All(received, r => Assert.Equal(1, r.Finished));
        foreach (var (name, bytes) in _files)
        {
            var row = Assert.Single(received, r => r.Name == name);
            Assert.Equal(Hashing.Sha256(bytes), row.Sha);
            Assert.Equal(bytes, File.ReadAllBytes(Path.Combine(_harness.Data, "archive", row.Archive)));
        }
        Assert.Equal(GoodForms, received.Count(r => r.Outcome == "accepted"));
        Assert.Equal(GoodForms, c.ExecuteScalar<long>("SELECT COUNT(*) FROM submissions"));
        Assert.Equal(1, c.ExecuteScalar<long>("SELECT COUNT(*) FROM submissions WHERE superseded_by IS NOT NULL"));
        // One answer per file, each delivered once to the pickup folder.
        Assert.Equal(_files.Count, c.ExecuteScalar<long>("SELECT COUNT(*) FROM outbox"));
        Assert.Equal(_files.Count, c.ExecuteScalar<long>("SELECT COUNT(*) FROM outbox WHERE status = 'sent'"));
        var emls = Directory.GetFiles(Path.Combine(_harness.Data, "outbox"), "*.eml");
        Assert.Equal(_files.Count, emls.Length);
        Assert.Empty(Directory.GetFiles(Path.Combine(_harness.Data, "outbox"), "*.tmp"));
        Assert.Equal(_files.Count, emls.Select(f => File.ReadLines(f).First(l => l.StartsWith("Message-Id:", StringComparison.OrdinalIgnoreCase))).Distinct().Count());
        Assert.DoesNotContain(Directory.GetFiles(Path.Combine(_harness.Data, "inbox")), f => !Path.GetFileName(f).StartsWith('.'));
    }
}
