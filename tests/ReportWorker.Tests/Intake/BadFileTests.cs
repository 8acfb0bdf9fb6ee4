using Dapper;
using ReportWorker.Intake;
using ReportWorker.Ledger;
using ReportWorker.Tests.Support;
using ReportWorker.Periods;

namespace ReportWorker.Tests.Intake;

public class BadFileTests : IDisposable
{
    private readonly TestWorld _world = new(new Dictionary<string, string?> { ["Intake:MaxUncompressedBytes"] = (10 * 1024 * 1024).ToString() });

    public BadFileTests() => _world.ImportSmallRegistry();
    public void Dispose() => _world.Dispose();

    [Theory]
    [InlineData("empty", "空")]
    [InlineData("pdf-renamed", "PDF")]
    [InlineData("png-renamed", "PNG")]
    [InlineData("plain-zip", "zip 压缩包")]
    [InlineData("word-renamed", "Word")]
    [InlineData("ods-renamed", "OpenDocument")]
    [InlineData("corrupt", "损坏")]
    [InlineData("encrypted", "密码")]
    [InlineData("legacy-xls", ".xls")]
    [InlineData("macro-enabled", "宏")]
    [InlineData("binary-garbage", "无法识别的文件类型")]
    [InlineData("zip-bomb", "压缩炸弹")]
    [InlineData("too-large", "超过上限")]
    [InlineData("gbk-csv-not-a-form", "找不到填报表")]
    [InlineData("unknown-unit", "U99")]
    [InlineData("no-identity", "无法识别填报单位")]
    [InlineData("bad-month", "无法识别报告月份")]
    [InlineData("future-month", "还没有到")]
    [InlineData("missing-row", "缺少任务 F-001")]
    [InlineData("foreign-task", "不是省委办公厅牵头或配合的任务")]
    [InlineData("unknown-task", "Z-999")]
    [InlineData("duplicate-row", "重复")]
    [InlineData("bad-status", "基本完成")]
    [InlineData("empty-status", "状态未填写")]
    [InlineData("percent-not-number", "不是数字")]
    [InlineData("percent-out-of-range", "超出 0–100")]
    [InlineData("completed-without-progress", "“进展情况”为空")]
    public void Rejects_bad_file_with_its_specific_reason_and_keeps_the_original(string kind, string reason)
    {
        var bytes = BadFiles.Make(kind, _world);
        var name = $"{kind}.xlsx";

        var outcome = _world.TakeIn(name, bytes);

        Assert.Equal(IntakeOutcome.Rejected, outcome.Outcome);
        Assert.Contains(outcome.Errors, e => e.Message.Contains(reason, StringComparison.Ordinal));
        Assert.All(outcome.Errors, e => Assert.False(string.IsNullOrWhiteSpace(e.Fix), $"no fix given for: {e}"));
        var row = Assert.Single(_world.Get<ReceivedFileStore>().All());
        Assert.Equal(bytes, File.ReadAllBytes(Path.Combine(_world.Paths.Archive, row.ArchivePath)));
        Assert.True(File.Exists(Path.Combine(_world.Paths.InboxRejected, $"{outcome.ReceivedFileId:D6}_{name}")));
        Assert.Empty(_world.Get<SubmissionStore>().InForce(new ReportMonth(2025, 3)));
        using var c = _world.Get<LedgerDatabase>().Open();
        Assert.Equal("rejection", c.QuerySingle<string>("SELECT kind FROM outbox"));
    }

    [Fact]
    public void Row_level_problems_name_the_sheet_row_and_column()
    {
        var outcome = _world.TakeIn("f.xlsx", BadFiles.Make("bad-status", _world));
        var problem = Assert.Single(outcome.Errors);
        Assert.Equal("填报表", problem.Sheet);
        Assert.Equal(5, problem.Row); // A-001 is the first task row, under the header on row 4
        Assert.Contains("F列", problem.Column);
        Assert.Contains("第5行", problem.ToString());
    }

    [Fact]
    public void Rejects_an_exact_duplicate_of_an_earlier_file_and_records_nothing_twice()
    {
        var bytes = _world.FilledForm("U02", new ReportMonth(2025, 3));
        Assert.True(_world.TakeIn("first.xlsx", bytes).IsAccepted);

        var again = _world.TakeIn("again.xlsx", bytes);

        Assert.Equal(IntakeOutcome.Duplicate, again.Outcome);
        Assert.Contains("完全相同", again.Errors.Single().Message);
        Assert.Single(_world.Get<SubmissionStore>().History("U02", new ReportMonth(2025, 3)));
    }

    [Fact]
    public void A_batch_of_every_kind_of_bad_file_does_not_stop_a_good_form_behind_it()
    {
        string[] kinds = ["empty", "pdf-renamed", "corrupt", "encrypted", "macro-enabled", "zip-bomb", "binary-garbage", "bad-status", "missing-row"];
        foreach (var kind in kinds) _world.Drop($"{kind}.xlsx", BadFiles.Make(kind, _world));
        _world.Clock.Advance(TimeSpan.FromMinutes(1));
        _world.Drop("zz-good.xlsx", _world.FilledForm("U03", new ReportMonth(2025, 3)));

        var outcomes = _world.RunIntake();

        Assert.Equal(kinds.Length + 1, outcomes.Count);
        Assert.Single(outcomes, o => o.IsAccepted && o.UnitCode == "U03");
        Assert.Empty(Directory.GetFiles(_world.Paths.Inbox));
        Assert.Equal(kinds.Length + 1, Directory.GetFiles(_world.Paths.Archive, "*", SearchOption.AllDirectories).Length);
    }
}
