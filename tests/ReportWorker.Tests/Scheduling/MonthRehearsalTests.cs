using Dapper;
using Microsoft.Data.Sqlite;
using MimeKit;
using ReportWorker.Ledger;
using ReportWorker.Tests.Support;
using ReportWorker.Periods;

namespace ReportWorker.Tests.Scheduling;

/// <summary>
/// A whole reporting month, run by the real service on its default schedule with a rehearsal clock
/// (one simulated day every two seconds): forms out on 25 March, forms back by e-mail through a real
/// IMAP mailbox (Dovecot), 催报 from the due day (Monday 7 April, after 清明) to exactly the units
/// still missing, the 月通报 on 8 April — every message through a real SMTP server.
/// </summary>
[Collection(nameof(RealTimeWorkers))]
public sealed class MonthRehearsalTests : IAsyncDisposable, IClassFixture<DovecotServer>
{
    private static readonly Dictionary<string, string> Liaisons = new() { ["U01"] = "swbgt@example.gov.cn", ["U02"] = "ssjt@example.gov.cn", ["U03"] = "hkhg@example.gov.cn" };
    private const string Journal = "reports-journal@example.gov.cn";
    private readonly DovecotServer _imap;
    private readonly string _mailbox;
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);
    private static readonly ReportMonth March = new(2025, 3);
    private readonly string _root = Directory.CreateTempSubdirectory("rw-month-").FullName;
    private readonly string _data;
    private readonly Dictionary<string, byte[]> _filled = [];
    private readonly SmtpTestServer _smtp = new();

    public MonthRehearsalTests(DovecotServer imap)
    {
        _imap = imap;
        _imap.Require();
        _mailbox = imap.NewUser();
        using var world = new TestWorld();
        world.ImportSmallRegistry();
        foreach (var unit in new[] { "U01", "U02", "U03" }) _filled[unit] = world.FilledForm(unit, March);
        _data = Path.Combine(_root, "data");
        // The relay drops a copy of everything the worker sends into the worker's own mailbox: its delivery journal.
        _smtp.Relay = async (to, raw) => { if (to.Contains(Journal)) await _imap.AppendAsync(_mailbox, raw); };
        SqliteConnection.ClearAllPools();
        TestFiles.CopyDirectory(world.Paths.Root, _data);
    }

    private static DateTimeOffset Local(int month, int day, int hour = 0, int minute = 0) => new(2025, month, day, hour, minute, 0, Beijing);

    private Dictionary<string, string> Environment()
    {
        var env = new Dictionary<string, string>
        {
            ["Data__Root"] = _data,
            ["Intake__SettleSeconds"] = "0",
            // Continuous jobs at a rehearsal pace: intake every two simulated hours, delivery every hour.
            ["Schedule__Jobs__intake-folder__Cron"] = "0 0 */2 * * ?",
            ["Schedule__Jobs__intake-mailbox__Cron"] = "0 30 */2 * * ?",
            ["Schedule__Jobs__outbox__Cron"] = "0 0 * * * ?",
            ["Logging__LogLevel__Default"] = "Information",
            ["Mail__JournalAddress"] = Journal,
        };
        foreach (var (k, v) in _smtp.Settings().Concat(_imap.Settings(_mailbox))) env[k.Replace(":", "__")] = v!;
        return env;
    }

    private IReadOnlyList<ReceivedMail> Mail(string kind) =>
        _smtp.Received.Where(r => r.Message.Headers["X-ReportWorker-Kind"] == kind).ToArray();

    private static bool To(MimeMessage m, string address) => m.To.Mailboxes.Any(a => a.Address == address);

    /// <summary>The unit's liaison answers by e-mail with the filled form attached.</summary>
    private void Reply(string unit) => _imap.AppendAsync(_mailbox, TestMail.Bytes(TestMail.WithFiles(Liaisons[unit], "回复：2025年3月月报表",
        ($"{unit}-2025年3月月报表.xlsx", _filled[unit])))).GetAwaiter().GetResult();

    [Fact]
    public void A_month_on_the_default_schedule_sends_forms_takes_them_back_reminds_exactly_the_missing_units_and_issues_the_notice()
    {
        using var worker = new RehearsalWorker(_root, Environment(), Local(3, 23), speed: 43_200);
        worker.Start();

        // 25 March 09:00: every unit gets its form. 省委办公厅 answers at once.
        worker.WaitFor(() => Mail("form").Count == 3, "the three forms");
        Reply("U01");
        worker.WaitFor(() => Mail("receipt").Count == 1, "the receipt for 省委办公厅");

        // 7 April 08:30, the due day: reminders to 审计厅 and 海口海关. 审计厅 answers after its first reminder.
        worker.WaitFor(() => Mail("reminder").Any(m => To(m.Message, "ssjt@example.gov.cn")), "the first reminder to 审计厅");
        worker.WaitUntil(Local(4, 7, 18));   // after the 17:00 deadline: late
        Reply("U02");

        // 8 April 09:00: the 月通报 to the leaders and every unit; 9 April: the third and last reminder to 海口海关.
        worker.WaitFor(() => Mail("monthly-notice").Count == 2, "the monthly notice", TimeSpan.FromSeconds(40));
        worker.WaitFor(() => worker.SimulatedNow > Local(4, 11) && NothingPending(), "the last reminders delivered");
        Assert.Equal(0, worker.Stop());

        Assert.Equal(["U01", "U02", "U03"], Mail("form").Select(m => m.Message.Subject).Select(UnitOf).Order());
        Assert.Equal(2, Mail("receipt").Count);
        var reminders = Mail("reminder");
        Assert.DoesNotContain(reminders, r => To(r.Message, "swbgt@example.gov.cn"));
        Assert.Single(reminders, r => To(r.Message, "ssjt@example.gov.cn"));
        Assert.Equal(3, reminders.Count(r => To(r.Message, "hkhg@example.gov.cn")));
        Assert.All(reminders, r => Assert.Contains(r.Message.Attachments, a => a.ContentDisposition?.FileName?.EndsWith(".xlsx") == true));

        var leaders = Assert.Single(Mail("monthly-notice"), m => To(m.Message, "shuji@example.gov.cn"));
        Assert.Contains("2025年3月", leaders.Message.Subject);
        Assert.Contains(leaders.Message.Attachments, a => a.ContentType.MimeType == "application/pdf");
        Assert.Contains("海口海关", leaders.Message.TextBody);      // named as not reported
        // The units get one circular: every liaison in the envelope, nobody's address in the headers.
        var circular = Assert.Single(Mail("monthly-notice"), m => !To(m.Message, "shuji@example.gov.cn"));
        Assert.Equal(["hkhg@example.gov.cn", "ssjt.dj@example.gov.cn", "ssjt@example.gov.cn", "swbgt@example.gov.cn"], circular.To.Where(a => a is not Journal and not "dangjian-report@example.gov.cn").Order());
        Assert.Empty(circular.Message.Bcc);
        Assert.StartsWith("各单位：", circular.Message.TextBody);

        AssertNothingSentTwice();
        using var c = Ledger();
        Assert.Equal(1, c.ExecuteScalar<long>("SELECT COUNT(*) FROM job_runs WHERE job = 'monthly-notice' AND period = '2025-03' AND status = 'done'"));
        Assert.Equal(1, c.ExecuteScalar<long>("SELECT COUNT(*) FROM job_runs WHERE job = 'forms' AND period = '2025-03' AND status = 'done'"));
        Assert.Equal(1, c.ExecuteScalar<long>("SELECT COUNT(*) FROM submissions WHERE unit_code = 'U02' AND late = 1"));
        Assert.Equal(2, c.ExecuteScalar<long>("SELECT COUNT(*) FROM received_files WHERE source = 'mailbox' AND outcome = 'accepted'"));
        Assert.Equal(2, ProcessedMessages());
    }

    [Fact]
    public void Killed_mid_send_and_mid_month_and_started_again_nothing_is_lost_nothing_is_sent_twice_and_the_missed_notice_runs_once()
    {
        using var worker = new RehearsalWorker(_root, Environment(), Local(3, 23), speed: 43_200);
        // First it dies the worst way for e-mail: the relay has accepted the second form (250) and the
        // worker is killed before it records that. The journal copy tells the restarted worker not to resend.
        worker.Start(new Dictionary<string, string> { ["REPORTWORKER_CRASH_AT"] = "delivery-after-send:2" });
        Assert.NotEqual(0, worker.WaitForExit(TimeSpan.FromSeconds(30)));
        Assert.Equal(2, Mail("form").Count);
        worker.Start();
        worker.WaitFor(() => Mail("form").Count == 3, "the three forms");
        Reply("U01");
        worker.WaitFor(() => Mail("reminder").Count == 2, "the due-day reminders");

        // kill -9 on the evening of 7 April. Starting again takes the process about a simulated day,
        // so it comes back after the 8 April reminders and the 09:00 notice were due.
        worker.WaitUntil(Local(4, 7, 20));
        worker.Kill();
        var sentBeforeKill = _smtp.Received.Count;
        worker.Start();

        worker.WaitFor(() => Mail("monthly-notice").Count == 2, "the monthly notice after the restart");
        worker.WaitFor(() => worker.SimulatedNow > Local(4, 11) && NothingPending(), "the last reminders delivered");
        Assert.Equal(0, worker.Stop());

        Assert.True(_smtp.Received.Count > sentBeforeKill);
        AssertNothingSentTwice();
        Assert.Equal(["U01", "U02", "U03"], Mail("form").Select(m => m.Message.Subject).Select(UnitOf).Order());
        Assert.Single(Mail("receipt"));
        using var c = Ledger();
        Assert.Equal(1, c.ExecuteScalar<long>("SELECT COUNT(*) FROM job_runs WHERE job = 'monthly-notice' AND period = '2025-03'"));
        Assert.Single(Mail("monthly-notice"), m => To(m.Message, "shuji@example.gov.cn"));
        // No reminder day ran twice; the missed morning was caught up once (or stood in for by the next
        // morning), and there are never more than Reminders:MaxReminders (3) per unit.
        Assert.Equal(0, c.ExecuteScalar<long>("SELECT COUNT(*) FROM (SELECT period FROM job_runs WHERE job = 'reminders' AND status = 'done' GROUP BY period HAVING COUNT(*) > 1)"));
        var toCustoms = Mail("reminder").Count(r => To(r.Message, "hkhg@example.gov.cn"));
        Assert.InRange(toCustoms, 2, 3);
        Assert.Equal(toCustoms, Mail("reminder").Count(r => To(r.Message, "ssjt@example.gov.cn")));
        Assert.DoesNotContain(Mail("reminder"), r => To(r.Message, "swbgt@example.gov.cn"));
    }

    private int ProcessedMessages() => _imap.MessagesAsync(_mailbox, "Processed").GetAwaiter().GetResult().Count;

    private bool NothingPending()
    {
        using var c = Ledger();
        return c.ExecuteScalar<long>("SELECT COUNT(*) FROM outbox WHERE status <> 'sent'") == 0;
    }

    private void AssertNothingSentTwice()
    {
        var ids = _smtp.Received.Select(r => r.Message.MessageId).ToArray();
        Assert.Equal(ids.Length, ids.Distinct().Count());
    }

    private SqliteConnection Ledger()
    {
        SqliteConnection.ClearAllPools();
        var c = new SqliteConnection($"Data Source={Path.Combine(_data, "reportworker.db")}");
        c.Open();
        return c;
    }

    private static string UnitOf(string? subject) =>
        subject!.Contains("省委办公厅") ? "U01" : subject.Contains("审计厅") ? "U02" : subject!.Contains("海口海关") ? "U03" : subject;

    public async ValueTask DisposeAsync()
    {
        await _smtp.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_root, recursive: true); } catch (IOException) { }
    }
}
