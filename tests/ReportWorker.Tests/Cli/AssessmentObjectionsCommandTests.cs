using Microsoft.Data.Sqlite;
using ReportWorker.Assessment;
using ReportWorker.Ledger;
using ReportWorker.Tests.Support;

namespace ReportWorker.Tests.Cli;

/// <summary>`assessment objections --year`, run as the office runs it, on a ledger whose 2025 draft went out on 15 January 2026 (deadline 26 January).</summary>
public sealed class AssessmentObjectionsCommandTests
{
    [Fact]
    public void Lists_each_objection_with_its_unit_sender_time_deadline_and_first_line()
    {
        using var world = new TestWorld();
        world.ImportSmallRegistry();
        world.SetLocalTime(2026, 1, 15, 9, 0);
        world.Get<AssessmentService>().Draft(2025);
        world.Get<LedgerDatabase>().InTransaction((c, tx) =>
        {
            AssessmentObjections.Insert(c, tx, new NewObjection(2025, "U02", "ssjt@example.gov.cn", "回复：【考核反馈单·初步结果】",
                "\n对“按时报送”一项扣分有异议：我厅2025年3月报表已于4月3日通过邮件报送，当时收到了退回通知。\n请核实。", Local(2026, 1, 16, 10, 0), "mailbox:a@x"));
            AssessmentObjections.Insert(c, tx, new NewObjection(2025, "U03", "hkhg@example.gov.cn", "考核异议", "B-001已完成。", Local(2026, 1, 27, 8, 30), "mailbox:b@x"));
            return AssessmentObjections.Insert(c, tx, new NewObjection(2025, "U03", "hkhg@example.gov.cn", "考核异议", "again", Local(2026, 1, 27, 8, 31), "mailbox:b@x"));
        });
        SqliteConnection.ClearAllPools();
        var env = new Dictionary<string, string> { ["Data__Root"] = world.Paths.Root };

        var (exit, output, error) = WorkerProcess.Run(world.Root, env, "assessment", "objections", "--year", "2025");

        Assert.True(exit == 0, error);
        var lines = output.Split('\n', StringSplitOptions.TrimEntries);
        Assert.Equal("2025年度考核初步结果于2026年1月15日 09:00发出，异议期限2026年1月26日；最终结果尚未印发。", lines[0]);
        Assert.Equal("收到异议 2 件（期限内 1 件，逾期 1 件）：", lines[1]);
        Assert.StartsWith("编号", lines[2]);
        var first = Assert.Single(lines, l => l.StartsWith("1 "));
        Assert.Contains("省审计厅  ssjt@example.gov.cn  2026-01-16 10:00  期限内  对“按时报送”一项扣分有异议：我厅2025年3…", first);   // cut to 40 columns
        var second = Assert.Single(lines, l => l.StartsWith("2 "));
        Assert.Contains("海口海关  hkhg@example.gov.cn  2026-01-27 08:30  逾期 ", second);
        Assert.EndsWith("B-001已完成。", second);
        Assert.DoesNotContain(lines, l => l.Contains("again"));

        var none = WorkerProcess.Run(world.Root, env, "assessment", "objections", "--year", "2024");
        Assert.Equal((0, "2024年度考核初步结果尚未发出。\n尚未收到异议。\n"), (none.ExitCode, none.Output.ReplaceLineEndings("\n")));
    }

    private static DateTimeOffset Local(int year, int month, int day, int hour, int minute) => new(year, month, day, hour, minute, 0, TimeSpan.FromHours(8));
}
