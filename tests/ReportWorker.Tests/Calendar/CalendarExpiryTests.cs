using Dapper;
using Microsoft.Data.Sqlite;
using MimeKit;
using ReportWorker.Tests.Support;

namespace ReportWorker.Tests.Calendar;

/// <summary>
/// The real executable on 2 December 2026 with no 2027 holiday data: the worker never runs out silently.
/// It warns at start-up, at the top of jobs and once by e-mail, and every result that had to assume
/// weekends alone says so; after calendar add, all of that stops.
/// </summary>
[Collection(nameof(RealTimeWorkers))]
public sealed class CalendarExpiryTests : IDisposable
{
    private static readonly DateTimeOffset December2 = new(2026, 12, 2, 9, 0, 0, TimeSpan.FromHours(8));
    private readonly string _root = Directory.CreateTempSubdirectory("rw-expiry-").FullName;
    private string Data => Path.Combine(_root, "data");

    private Dictionary<string, string> Env => new()
    {
        ["Data__Root"] = Data,
        ["Clock__SimulatedStart"] = December2.ToString("O"),
        ["Clock__Speed"] = "1",
    };

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_root, recursive: true);
    }

    private (int ExitCode, string Output, string Error) Run(params string[] args) => WorkerProcess.Run(_root, Env, args);

    private void Add2027()
    {
        var add = Run("calendar", "add", HolidayFiles.Csv(_root, "2027年节假日安排.csv", HolidayFiles.Plausible2027));
        Assert.True(add.ExitCode == 0, add.Error);
        Assert.StartsWith("已导入 2027 年的节假日安排（放假 29 天、调休上班 6 天）", add.Output);
    }

    private string StartAndStopService()
    {
        using var worker = new RehearsalWorker(_root, new Dictionary<string, string> { ["Data__Root"] = Data }, December2, speed: 1);
        worker.Start();
        worker.WaitFor(() => worker.Log.Contains("Application started"), "the service to start");
        Assert.Equal(0, worker.Stop());
        return worker.Log;
    }

    [Fact]
    public void Jobs_and_the_start_up_log_warn_until_the_next_year_is_added()
    {
        var jobs = Run("jobs");
        var log = StartAndStopService();

        Assert.True(jobs.ExitCode == 0, jobs.Error);
        Assert.StartsWith("注意：节假日和调休数据只到 2026年12月31日（还剩 30 天），2027年的放假安排尚未导入；到时将只按周一至周五计算工作日。", jobs.Output);
        Assert.Contains("ReportWorker calendar add", jobs.Output.Split('\n')[0]);
        // The 季督办 of 10 January 2027 (a Sunday) moves to Monday the 11th by the weekend alone.
        Assert.Matches(@"quarterly-notice.*2027-01-11 周一 09:00:00（仅按周末推算）", jobs.Output);
        Assert.Matches(@"calendar-check\s+节假日数据检查\s+0 0 8 \* \* \?\s+照常\s+2026-12-03 周四 08:00:00", jobs.Output);
        Assert.Contains("2026-12-31; 2027 is missing", log);
        Assert.Contains("ReportWorker calendar add FILE", log);

        Add2027();
        var after = Run("jobs");
        var logAfter = StartAndStopService();
        var listing = Run("calendar");

        Assert.StartsWith("现在 2026-12-02", after.Output);
        Assert.DoesNotContain("仅按周末", after.Output);
        // 10 January 2027 is a Sunday; 11 January is a working day in the 2027 data too.
        Assert.Contains("2027-01-11 周一 09:00:00  ", after.Output);
        Assert.DoesNotContain("is missing", logAfter);
        Assert.Contains("Application started", logAfter);
        Assert.Matches(@"2027\s+29 天\s+6 天\s+calendar add 2027年节假日安排.csv（2026-12-02）", listing.Output);
        Assert.Contains("已覆盖至 2027年12月31日。", listing.Output);
        Assert.DoesNotContain("注意", listing.Output);
    }

    [Fact]
    public void The_office_is_emailed_once_saying_which_year_to_add_and_how()
    {
        var october = Run("run", "calendar-check", "--date", "2026-10-01");
        var first = Run("run", "calendar-check", "--date", "2026-12-02");
        var second = Run("run", "calendar-check", "--date", "2026-12-03");

        Assert.Contains("节假日和调休数据到 2026年12月31日，无需提醒", october.Output);
        Assert.Contains("2027年的节假日安排尚未导入（数据只到 2026年12月31日）；已排队提醒邮件给 gongwei-office@example.gov.cn", first.Output);
        Assert.Contains("提醒邮件此前已排队，不再重发", second.Output);
        SqliteConnection.ClearAllPools();
        using var c = new SqliteConnection($"Data Source={Path.Combine(Data, "reportworker.db")}");
        c.Open();
        var (key, recipients, mime) = c.QuerySingle<(string, string, byte[])>(
            "SELECT o.message_key, o.recipients, m.mime FROM outbox o JOIN outbox_mime m ON m.outbox_id = o.id WHERE o.kind = 'calendar-expiring'");
        Assert.Equal("calendar-expiring/2027", key);
        Assert.Equal("gongwei-office@example.gov.cn", recipients);
        var message = MimeMessage.Load(new MemoryStream(mime), TestContext.Current.CancellationToken);
        Assert.Equal("【请导入2027年节假日安排】报表系统的节假日和调休数据只到2026年12月31日", message.Subject);
        var text = message.TextBody;
        Assert.Contains("只到2026年12月31日（还剩 30 天），2027年的安排尚未导入", text);
        Assert.Contains("《国务院办公厅关于2027年部分节假日安排的通知》", text);
        Assert.Contains("www.gov.cn", text);
        Assert.Contains("日期                     类型      名称", text);
        Assert.Contains("ReportWorker calendar add 2027年节假日安排.xlsx", text);
        Assert.Contains(Path.Combine(Data, "calendar", "holidays.json"), text);
        Assert.Contains("<code>ReportWorker calendar add 2027年节假日安排.xlsx</code>", message.HtmlBody);
    }

    [Fact]
    public void Reminders_on_a_day_without_holiday_data_say_that_weekends_alone_were_assumed()
    {
        using (var world = new TestWorld(start: December2))
        {
            world.ImportSmallRegistry();
            SqliteConnection.ClearAllPools();
            TestFiles.CopyDirectory(world.Paths.Root, Data);
        }

        // The clock stays at 2 December 2026, so the day is still to come and 2027-01's forms were never sent: --force
        // gets past those rules (tested in FormsAndRemindersGuardTests) to the calendar question this test asks.
        var without = Run("run", "reminders", "--date", "2027-02-05", "--force");
        Add2027();
        var with = Run("run", "reminders", "--date", "2027-02-05", "--force");

        Assert.True(without.ExitCode == 0, without.Error);
        Assert.Contains("2027-01 催报 3 个单位", without.Output);
        Assert.Contains("（注意：2027年的节假日和调休尚未导入，只按周一至周五算作工作日；请用 calendar add 导入）", without.Output);
        // In the 2027 data 5 February is 除夕, a day off: no reminders, and nothing assumed.
        Assert.Contains("催报（reminders 2027-02-05）：完成。2027-02-05：无需催报", with.Output);
        Assert.DoesNotContain("注意", with.Output);
    }
}
