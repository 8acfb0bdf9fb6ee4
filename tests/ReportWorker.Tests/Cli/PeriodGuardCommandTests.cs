using Dapper;
using Microsoft.Data.Sqlite;
using ReportWorker.Ledger;
using ReportWorker.Tests.Support;

namespace ReportWorker.Tests.Cli;

/// <summary>
/// The period rules as the operator meets them: the real executable on a rehearsal clock, against the same
/// ledger as a <see cref="TestWorld"/> (three units, seven tasks). March 2025's forms are due Monday 7 April, 17:00.
/// </summary>
public class PeriodGuardCommandTests : IDisposable
{
    private readonly TestWorld _world = new();

    public PeriodGuardCommandTests() => _world.ImportSmallRegistry();

    public void Dispose() => _world.Dispose();

    /// <summary>Runs a command with "now" at <paramref name="now"/> (Beijing time).</summary>
    private (int ExitCode, string Output, string Error) Run(string now, params string[] args)
    {
        var env = _world.Settings.Where(s => s.Value is not null).ToDictionary(s => s.Key.Replace(":", "__"), s => s.Value!);
        env["Clock__SimulatedStart"] = now + "+08:00";
        env["Clock__Speed"] = "1";
        SqliteConnection.ClearAllPools();
        return WorkerProcess.Run(_world.Root, env, args);
    }

    private static string OneErrorLine((int ExitCode, string Output, string Error) run)
    {
        Assert.Equal(1, run.ExitCode);
        var line = Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("错误：", line);
        return line;
    }

    private long Count(string sql)
    {
        using var c = _world.Get<LedgerDatabase>().Open();
        return c.ExecuteScalar<long>(sql);
    }

    [Fact]
    public void A_notice_before_its_forms_are_due_is_refused_by_briefing_and_by_run_and_the_next_real_issue_is_number_one()
    {
        var briefing = OneErrorLine(Run("2025-04-07T16:00:00", "briefing", "monthly", "--month", "2025-03"));
        var run = OneErrorLine(Run("2025-04-07T16:00:00", "run", "monthly-notice", "--month", "2025-03"));
        var mistyped = OneErrorLine(Run("2025-04-08T09:00:00", "briefing", "monthly", "--month", "2025-06"));

        Assert.Contains("2025年3月的月通报现在还不能印发：2025年3月的月报表2025年4月7日 17:00才截止（现在是2025年4月7日 16:00）", briefing);
        Assert.Contains("加 --force", briefing);
        Assert.Contains("才截止", run);
        Assert.Contains("2025年6月的月通报现在还不能印发", mistyped);
        Assert.Equal(0, Count("SELECT COUNT(*) FROM briefings"));

        var issued = Run("2025-04-08T09:00:00", "briefing", "monthly", "--month", "2025-03");
        Assert.True(issued.ExitCode == 0, issued.Error);
        Assert.Contains("第1期", issued.Output);
        Assert.DoesNotContain("--force", issued.Output);
    }

    [Fact]
    public void Force_issues_before_the_forms_are_due_and_says_so()
    {
        var monthly = Run("2025-04-07T16:00:00", "briefing", "monthly", "--month", "2025-03", "--force");
        var quarterly = Run("2025-04-07T16:00:00", "run", "quarterly-notice", "--quarter", "2025Q1", "--force");

        Assert.True(monthly.ExitCode == 0, monthly.Error);
        Assert.Contains("第1期", monthly.Output);
        Assert.Contains("2025年3月的月报表还没有截止，已按 --force 强制印发", monthly.Output);
        Assert.True(quarterly.ExitCode == 0, quarterly.Error);
        Assert.Contains("季督办（quarterly-notice 2025Q1）：完成", quarterly.Output);
        Assert.Contains("已按 --force 强制印发", quarterly.Output);
        Assert.Equal(2, Count("SELECT COUNT(*) FROM briefings"));
    }

    [Fact]
    public void A_preview_before_the_month_ends_writes_a_draft_marked_on_every_page_and_records_and_queues_nothing()
    {
        var monthly = Run("2025-03-20T10:00:00", "briefing", "monthly", "--month", "2025-03", "--preview");
        var quarterly = Run("2025-03-20T10:00:00", "briefing", "quarterly", "--quarter", "2025Q1", "--preview");
        var mixed = OneErrorLine(Run("2025-03-20T10:00:00", "briefing", "monthly", "--month", "2025-03", "--preview", "--send"));

        Assert.True(monthly.ExitCode == 0, monthly.Error);
        Assert.Contains("已写出草稿", monthly.Output);
        Assert.Contains("未占用期号，未登记，未发送", monthly.Output);
        Assert.Contains("2025年3月的报表2025年4月7日 17:00才截止，现在还不能印发", monthly.Output);
        var path = Path.Combine(_world.Paths.Briefings, "preview", "2025-03", "2025-03-月通报-草稿.pdf");
        Assert.Contains("琼直工委通〔2025〕×号", DraftPdf.AssertMarkedOnEveryPage(path));
        Assert.True(quarterly.ExitCode == 0, quarterly.Error);
        Assert.Contains("督办单草稿", quarterly.Output);
        Assert.All(Directory.GetFiles(Path.Combine(_world.Paths.Briefings, "preview", "2025Q1"), "*.pdf"), p => DraftPdf.AssertMarkedOnEveryPage(p));
        Assert.Contains("--preview 只生成草稿", mixed);
        Assert.Equal(0, Count("SELECT COUNT(*) FROM briefings"));
        Assert.Equal(0, Count("SELECT COUNT(*) FROM supervision_items"));
        Assert.Equal(0, Count("SELECT COUNT(*) FROM outbox"));
    }

    [Fact]
    public void Forms_for_a_month_not_yet_begun_are_refused_by_forms_and_by_run_unless_forced()
    {
        var forms = OneErrorLine(Run("2025-03-20T10:00:00", "forms", "--month", "2025-04", "--send"));
        var run = OneErrorLine(Run("2025-03-20T10:00:00", "run", "forms", "--month", "2025-04"));
        Assert.Equal(0, Count("SELECT COUNT(*) FROM outbox"));

        var forced = Run("2025-03-20T10:00:00", "forms", "--month", "2025-04", "--force");

        Assert.Contains("2025年4月的月报表现在还不能下发：该月2025年4月1日才开始", forms);
        Assert.Contains("请检查 --month 是否写错", run);
        Assert.True(forced.ExitCode == 0, forced.Error);
        Assert.Contains("2025年4月还没有开始，已按 --force 强制生成", forced.Output);
    }

    [Fact]
    public void Run_reminders_refuses_a_day_to_come_and_says_why_it_sends_nothing_for_forms_never_sent()
    {
        var early = OneErrorLine(Run("2025-04-03T10:00:00", "run", "reminders", "--date", "2025-04-07"));
        var today = Run("2025-04-07T08:30:00", "run", "reminders");

        Assert.Contains("催报日期2025年4月7日还没到（今天是2025年4月3日）", early);
        Assert.True(today.ExitCode == 0, today.Error);
        Assert.Contains("2025-03 的月报表没有由本系统下发过", today.Output);
        Assert.Equal(0, Count("SELECT COUNT(*) FROM outbox WHERE kind = 'reminder'"));
    }
}
