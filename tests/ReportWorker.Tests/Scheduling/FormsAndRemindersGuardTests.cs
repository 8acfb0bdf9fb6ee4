using Dapper;
using ReportWorker.Forms;
using ReportWorker.Ledger;
using ReportWorker.Periods;
using ReportWorker.Reminders;
using ReportWorker.Tests.Support;

namespace ReportWorker.Tests.Scheduling;

/// <summary>Forms go out only for a month that has begun; 催报 only for a month whose forms this worker sent, and never for a day to come.</summary>
public class FormsAndRemindersGuardTests : IDisposable
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);
    private static readonly ReportMonth March = new(2025, 3);
    private static readonly ReportMonth April = new(2025, 4);
    private readonly TestWorld _world = new(start: new DateTimeOffset(2025, 3, 25, 9, 0, 0, Beijing));

    public FormsAndRemindersGuardTests() => _world.ImportSmallRegistry();

    public void Dispose() => _world.Dispose();

    private FormService Forms => _world.Get<FormService>();
    private ReminderService Reminders => _world.Get<ReminderService>();

    private long Queued(string kind)
    {
        using var c = _world.Get<LedgerDatabase>().Open();
        return c.ExecuteScalar<long>("SELECT COUNT(*) FROM outbox WHERE kind = @kind", new { kind });
    }

    [Fact]
    public void Forms_for_a_month_not_yet_begun_are_refused_and_nothing_is_written_or_queued_unless_forced()
    {
        var refused = Assert.Throws<PeriodNotOpenException>(() => Forms.Generate(April, null, null, send: true));

        Assert.Contains("2025年4月的月报表现在还不能下发：该月2025年4月1日才开始（今天是2025年3月25日）", refused.Message);
        Assert.Contains("--force", refused.Message);
        Assert.Equal(new DateTimeOffset(2025, 4, 1, 0, 0, 0, Beijing), refused.OpensAt);
        Assert.Equal(0, Queued("form"));
        Assert.False(Directory.Exists(Path.Combine(_world.Paths.Forms, "2025-04")));

        var forced = Forms.Generate(April, null, null, send: true, force: true);
        Assert.Equal(3, forced.Count(f => f.Queued));
        Assert.Equal(3, Queued("form"));
    }

    [Fact]
    public void Reminders_for_a_month_whose_forms_were_never_sent_send_nothing_and_say_why()
    {
        _world.SetLocalTime(2025, 4, 7, 8, 30); // March's due day

        var result = Reminders.Remind(new DateOnly(2025, 4, 7));

        Assert.Equal(March, result.Month);
        Assert.True(result.FormsNotSent);
        Assert.Equal(0, result.Queued);
        Assert.Contains("2025-03 的月报表没有由本系统下发过", result.Summary);
        Assert.Contains("不催报", result.Summary);
        Assert.Contains("run reminders --date 2025-04-07 --force", result.Summary);
        Assert.Equal(0, Queued("reminder"));

        var forced = Reminders.Remind(new DateOnly(2025, 4, 7), force: true);
        Assert.Equal(3, forced.Queued);
        Assert.Contains("该月报表没有由本系统下发过，已按 --force 强制催报", forced.Summary);
    }

    [Fact]
    public void Reminders_go_for_a_month_whose_forms_were_sent()
    {
        Forms.Generate(March, null, null, send: true);
        _world.SetLocalTime(2025, 4, 7, 8, 30);

        var result = Reminders.Remind(new DateOnly(2025, 4, 7));

        Assert.False(result.FormsNotSent);
        Assert.Null(result.Forced);
        Assert.Equal(3, result.Queued);
        Assert.Equal(3, Queued("reminder"));
    }

    [Fact]
    public void A_reminder_date_still_to_come_is_refused()
    {
        Forms.Generate(March, null, null, send: true);
        _world.SetLocalTime(2025, 4, 3);

        var refused = Assert.Throws<PeriodNotOpenException>(() => Reminders.Remind(new DateOnly(2025, 4, 7)));

        Assert.Contains("催报日期2025年4月7日还没到（今天是2025年4月3日）", refused.Message);
        Assert.Contains("--force", refused.Message);
        Assert.Equal(0, Queued("reminder"));
    }
}
