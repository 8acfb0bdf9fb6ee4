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
/// A busy machine stretches every step in simulated time (a reply may be taken in hours later), so the
/// tests wait for what they need and check who was reminded against the ledger's own timestamps:
/// a unit is reminded by each day's run that started before its form was recorded, and by none after.
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
    private readonly Dictionary<string, byte[]> _filled = [];
    private readonly CrashHarness _harness;
    private readonly SmtpTestServer _smtp = new();

    public MonthRehearsalTests(DovecotServer imap)
    {
        _imap = imap;
        _imap.Require();
        _mailbox = imap.NewUser();
        _harness = new CrashHarness(world =>
        {
            world.ImportSmallRegistry();
            foreach (var unit in Liaisons.Keys) _filled[unit] = world.FilledForm(unit, March);
        });
        // The relay drops a copy of everything the worker sends into the worker's own mailbox: its delivery journal.
        _smtp.Relay = async (to, raw) => { if (to.Contains(Journal)) await _imap.AppendAsync(_mailbox, raw); };
    }

    private static DateTimeOffset Local(int month, int day, int hour = 0, int minute = 0) => new(2025, month, day, hour, minute, 0, Beijing);

    private Dictionary<string, string> Environment()
    {
        var env = new Dictionary<string, string>(_harness.Environment)
        {
            ["Intake__SettleSeconds"] = "0",
            // Continuous jobs at a rehearsal pace: intake every two simulated hours, delivery every hour.
            ["Schedule__Jobs__intake-folder__Cron"] = "0 0 */2 * * ?",
            ["Schedule__Jobs__intake-mailbox__Cron"] = "0 30 */2 * * ?",
            ["Schedule__Jobs__outbox__Cron"] = "0 0 * * * ?",
            // At 43,200× the default 60 s is under 2 ms of real time: every fire Quartz wakes up for a little late
            // would go through misfire handling, which on a busy machine stalls the schedule for simulated days.
            // A simulated day (two real seconds) keeps late fires ordinary fires, each for its own occurrence.
            ["Schedule__MisfireThresholdSeconds"] = "86400",
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
        using var worker = new RehearsalWorker(_harness.Root, Environment(), Local(3, 23), speed: 43_200);
        worker.InstallSchedule();   // installed on 23 March: however slowly it starts, the 25th is not skipped
        worker.Start();

        // 25 March 09:00: every unit gets its form. 省委办公厅 answers at once.
        worker.WaitFor(() => Mail("form").Count == 3, "the three forms");
        Reply("U01");
        worker.WaitFor(() => Mail("receipt").Count == 1, "the receipt for 省委办公厅");

        // 7 April 08:30, the due day: reminders to 审计厅 and 海口海关. 审计厅 answers after its first reminder,
        // and after the 17:00 deadline; when the worker takes the reply in depends on the machine, not on the test.
        worker.WaitFor(() => Mail("reminder").Any(m => To(m.Message, "ssjt@example.gov.cn")), "the first reminder to 审计厅");
        worker.WaitUntil(Local(4, 7, 18));
        Reply("U02");

        // 8 April 09:00: the 月通报; reminders on each working day up to the third (9 April); the run on
        // 10 April, the fourth, sends none.
        worker.WaitFor(() => Mail("receipt").Count == 2 && Mail("monthly-notice").Count == 2 && RanFor("reminders", "2025-04-10") && NothingPending(),
            "the second receipt, the monthly notice and the reminders run of 10 April", TimeSpan.FromMinutes(3));
        Assert.Equal(0, worker.Stop());
        TestContext.Current.TestOutputHelper?.WriteLine(worker.Log);

        using var c = _harness.Ledger();
        var forms = Assert.Single(Runs(c, "forms"));
        Assert.Equal(("2025-03", Local(3, 25, 9)), (forms.Period, forms.Occurrence));
        Assert.Equal(["U01", "U02", "U03"], Mail("form").Select(m => m.Message.Subject).Select(UnitOf).Order());

        // Both replies came by IMAP; 审计厅's was recorded after the deadline, as late.
        var replies = Replies(c);
        Assert.Equal(["U01", "U02"], replies.Keys.Order());
        Assert.Equal((false, true), (replies["U01"].Late, replies["U02"].Late));
        Assert.True(replies["U02"].At > Local(4, 7, 17), $"审计厅's form was recorded at {replies["U02"].At}, before the deadline");
        Assert.Equal(2, Mail("receipt").Count);
        Assert.Equal(2, c.ExecuteScalar<long>("SELECT COUNT(*) FROM received_files WHERE source = 'mailbox' AND outcome = 'accepted'"));
        Assert.Equal(2, ProcessedMessages());

        // 催报 from the due day to the third working day (9 April), each day's run reminding exactly the units
        // whose form was not recorded when it ran; 海口海关 never answers and is reminded by every one of them.
        // (A rehearsal day lasts two seconds: on a busy machine a morning's run can start after the next morning,
        // which then stands in for it, as after an outage. So the days come from the ledger; normally all three.)
        var runs = Runs(c, "reminders");
        var reminderDays = ReminderDays(runs);
        Assert.InRange(reminderDays.Length, 1, 3);
        AssertRemindedExactlyTheMissing(c, replies, runs);
        Assert.Contains(runs, r => r.Status == "done" && string.CompareOrdinal(r.Period, "2025-04-09") > 0);   // a later run, which reminded nobody
        Assert.Contains(Reminded(c), r => r.Unit == "U02");   // the reminder 审计厅 answered
        Assert.Equal(reminderDays, Reminded(c).Where(r => r.Unit == "U03").Select(r => r.Day).Order());
        Assert.Equal(Reminded(c).Count, Mail("reminder").Count);
        Assert.All(Mail("reminder"), r => Assert.Contains(r.Message.Attachments, a => a.ContentDisposition?.FileName?.EndsWith(".xlsx") == true));

        // The 月通报 for the 8 April 09:00 occurrence, with the figures as the ledger stood when it ran.
        var notice = Assert.Single(Runs(c, "monthly-notice"));
        Assert.Equal(("2025-03", Local(4, 8, 9), "done"), (notice.Period, notice.Occurrence, notice.Status));
        var leaders = Assert.Single(Mail("monthly-notice"), m => To(m.Message, "shuji@example.gov.cn"));
        Assert.Contains("2025年3月", leaders.Message.Subject);
        Assert.Contains(leaders.Message.Attachments, a => a.ContentType.MimeType == "application/pdf");
        var reporting = ExpectedReporting(replies["U02"].At, notice);
        Assert.True(reporting.Any(r => leaders.Message.TextBody?.Contains(r) == true), $"expected one of {string.Join(" / ", reporting)} in\n{leaders.Message.TextBody}");
        // The units get one circular: every liaison in the envelope, nobody's address in the headers.
        var circular = Assert.Single(Mail("monthly-notice"), m => !To(m.Message, "shuji@example.gov.cn"));
        Assert.Equal(["hkhg@example.gov.cn", "ssjt.dj@example.gov.cn", "ssjt@example.gov.cn", "swbgt@example.gov.cn"], circular.To.Where(a => a is not Journal and not "dangjian-report@example.gov.cn").Order());
        Assert.Empty(circular.Message.Bcc);
        Assert.StartsWith("各单位：", circular.Message.TextBody);

        AssertNothingSentTwice();
    }

    [Fact]
    public void Killed_mid_send_and_mid_month_and_started_again_nothing_is_lost_nothing_is_sent_twice_and_the_missed_notice_runs_once()
    {
        using var worker = new RehearsalWorker(_harness.Root, Environment(), Local(3, 23), speed: 43_200);
        worker.InstallSchedule();
        // First it dies the worst way for e-mail: the relay has accepted the second form (250) and the
        // worker is killed before it records that. The journal copy tells the restarted worker not to resend.
        worker.Start(CrashHarness.At("delivery-after-send", 2));
        CrashHarness.AssertKilled(worker.WaitForExit(TimeSpan.FromMinutes(2)), "the first start", worker.Log);
        Assert.Equal(2, Mail("form").Count);

        // Started again, it dies the moment the 月通报 starts on 8 April 09:00 (kill -9, no clean-up), with
        // whatever else is running; started again at once, it is down for as long as a start takes.
        worker.Start(CrashHarness.At("job-started-monthly-notice"));
        worker.WaitFor(() => Mail("form").Count == 3, "the three forms");
        Reply("U01");
        CrashHarness.AssertKilled(worker.WaitForExit(TimeSpan.FromMinutes(2)), "the second start", worker.Log);
        var sentBeforeKill = _smtp.Received.Count;
        Assert.Empty(Mail("monthly-notice"));
        worker.Start();

        worker.WaitFor(() => Mail("monthly-notice").Count == 2 && Mail("receipt").Count == 1 && RanFor("reminders", "2025-04-10") && NothingPending(),
            "the monthly notice and the receipt after the restart", TimeSpan.FromMinutes(3));
        Assert.Equal(0, worker.Stop());
        TestContext.Current.TestOutputHelper?.WriteLine(worker.Log);

        Assert.True(_smtp.Received.Count > sentBeforeKill);
        AssertNothingSentTwice();
        Assert.Equal(["U01", "U02", "U03"], Mail("form").Select(m => m.Message.Subject).Select(UnitOf).Order());
        Assert.Single(Mail("receipt"));
        using var c = _harness.Ledger();
        var notice = Assert.Single(Runs(c, "monthly-notice"));
        Assert.Equal(("2025-03", Local(4, 8, 9), "done"), (notice.Period, notice.Occurrence, notice.Status));
        Assert.Single(Mail("monthly-notice"), m => To(m.Message, "shuji@example.gov.cn"));
        // No reminder day ran twice; a morning missed while it was down was caught up once (or stood in for by
        // the next morning); each run reminded exactly the units then missing, never past the third working day.
        Assert.Equal(0, c.ExecuteScalar<long>("SELECT COUNT(*) FROM (SELECT period FROM job_runs WHERE job = 'reminders' AND status = 'done' GROUP BY period HAVING COUNT(*) > 1)"));
        var runs = Runs(c, "reminders");
        AssertRemindedExactlyTheMissing(c, Replies(c), runs);
        // The two units that never answer were reminded on the same days, once each day, at most three times.
        // (How many depends on how long the starts took: on an overloaded machine a start can outlast the days.)
        var toCustoms = Reminded(c).Where(r => r.Unit == "U03").Select(r => r.Day).Order().ToArray();
        Assert.InRange(toCustoms.Length, 0, 3);
        Assert.Equal(toCustoms, Reminded(c).Where(r => r.Unit == "U02").Select(r => r.Day).Order());
        Assert.Equal(toCustoms.Length, Mail("reminder").Count(r => To(r.Message, "hkhg@example.gov.cn")));
        Assert.Equal(toCustoms.Length, Mail("reminder").Count(r => To(r.Message, "ssjt@example.gov.cn")));
    }

    private sealed record Run(string Period, DateTimeOffset? Occurrence, string Status, DateTimeOffset Started, DateTimeOffset? Finished);

    private sealed record Answer(DateTimeOffset At, bool Late);

    private static IReadOnlyList<Run> Runs(SqliteConnection c, string job) => c
        .Query<(string Period, string? Occurrence, string Status, string Started, string? Finished)>(
            "SELECT period, occurrence, status, started_at, finished_at FROM job_runs WHERE job = @job ORDER BY id", new { job })
        .Select(r => new Run(r.Period, Time(r.Occurrence), r.Status, Time(r.Started)!.Value, Time(r.Finished))).ToArray();

    private static Dictionary<string, Answer> Replies(SqliteConnection c) => c
        .Query<(string Unit, string At, long Late)>("SELECT unit_code, received_at, late FROM submissions WHERE month = '2025-03' AND superseded_by IS NULL")
        .ToDictionary(r => r.Unit, r => new Answer(Time(r.At)!.Value, r.Late == 1));

    /// <summary>(unit, day) of every reminder queued, from its message key reminder/month/unit/day.</summary>
    private static IReadOnlyList<(string Unit, string Day)> Reminded(SqliteConnection c) => c
        .Query<string>("SELECT message_key FROM outbox WHERE kind = 'reminder'")
        .Select(k => k.Split('/')).Select(k => (k[2], k[3])).ToArray();

    /// <summary>The days, from the due day (7 April) to the third working day (9 April), for which a reminder run finished.</summary>
    private static string[] ReminderDays(IReadOnlyList<Run> runs) =>
        runs.Where(r => r.Status == "done" && r.Period is "2025-04-07" or "2025-04-08" or "2025-04-09").Select(r => r.Period).Distinct().Order().ToArray();

    /// <summary>
    /// Reminders went out only on reminder days (none before the due day, none after the third working day), and
    /// each finished run of a reminder day reminded every unit whose form was recorded only after the run
    /// finished, and no unit whose form was recorded before it started.
    /// </summary>
    private static void AssertRemindedExactlyTheMissing(SqliteConnection c, Dictionary<string, Answer> replies, IReadOnlyList<Run> runs)
    {
        var reminded = Reminded(c);
        var window = runs.Where(r => r.Period is "2025-04-07" or "2025-04-08" or "2025-04-09").ToArray();
        Assert.All(reminded, r => Assert.Contains(r.Day, window.Select(run => run.Period)));
        foreach (var run in window.Where(r => r.Status == "done"))
            foreach (var unit in Liaisons.Keys)
            {
                var answered = replies.GetValueOrDefault(unit)?.At;
                if (answered < run.Started)
                    Assert.False(reminded.Contains((unit, run.Period)), $"{unit} was reminded by the {run.Period} run (started {run.Started}) though its form was recorded at {answered}");
                else if (answered is null || answered > run.Finished)
                    Assert.True(reminded.Contains((unit, run.Period)), $"{unit} had no form recorded when the {run.Period} run finished ({run.Finished}) but was not reminded");
            }
    }

    /// <summary>
    /// The 报送情况 line of the leaders' notice: 审计厅 counts as late if its form was recorded before the notice
    /// was made, as missing if after; a form recorded while the notice was being made may be either.
    /// </summary>
    private static string[] ExpectedReporting(DateTimeOffset auditAnswered, Run notice)
    {
        const string Late = "按时 1 个，逾期 1 个，未报送 1 个（海口海关）";
        const string Missing = "按时 1 个，逾期 0 个，未报送 2 个（省审计厅、海口海关）";
        return auditAnswered < notice.Started ? [Late] : auditAnswered > notice.Finished ? [Missing] : [Late, Missing];
    }

    private static DateTimeOffset? Time(string? stored) =>
        stored is null ? null : DateTimeOffset.Parse(stored, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Whether the job has finished a run for this period or a later one (a restart may skip straight to a later day).</summary>
    private bool RanFor(string job, string period)
    {
        using var c = _harness.Ledger();
        return c.ExecuteScalar<long>("SELECT COUNT(*) FROM job_runs WHERE job = @job AND period >= @period AND status = 'done'", new { job, period }) > 0;
    }

    private int ProcessedMessages() => _imap.MessagesAsync(_mailbox, "Processed").GetAwaiter().GetResult().Count;

    private bool NothingPending()
    {
        using var c = _harness.Ledger();
        return c.ExecuteScalar<long>("SELECT COUNT(*) FROM outbox WHERE status <> 'sent'") == 0;
    }

    private void AssertNothingSentTwice()
    {
        var ids = _smtp.Received.Select(r => r.Message.MessageId).ToArray();
        Assert.Equal(ids.Length, ids.Distinct().Count());
    }

    private static string UnitOf(string? subject) =>
        subject!.Contains("省委办公厅") ? "U01" : subject.Contains("审计厅") ? "U02" : subject!.Contains("海口海关") ? "U03" : subject;

    public async ValueTask DisposeAsync()
    {
        await _smtp.DisposeAsync();
        _harness.Dispose();
    }
}
