using Dapper;
using Microsoft.Data.Sqlite;
using ReportWorker.Ledger;
using ReportWorker.Tests.Support;

namespace ReportWorker.Tests.Scheduling;

/// <summary>The real executable: the schedule as the operator sees it, and settings that must stop start-up.</summary>
public sealed class ScheduleConfigurationTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("rw-sched-").FullName;
    private Dictionary<string, string> Env => new() { ["Data__Root"] = Path.Combine(_root, "data") };

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_root, recursive: true);
    }

    [Fact]
    public void Jobs_lists_every_job_with_its_cron_and_next_run_in_local_time()
    {
        var env = Env;
        // A rehearsal clock pins "now" to Friday 2025-04-04 10:00 Beijing time (清明).
        env["Clock__SimulatedStart"] = "2025-04-04T10:00:00+08:00";
        env["Clock__Speed"] = "1";
        var (exit, output, error) = WorkerProcess.Run(_root, env, "jobs");

        Assert.True(exit == 0, error);
        var lines = output.Split('\n');
        Assert.Contains("Asia/Shanghai", lines[0]);
        Assert.Matches(@"monthly-notice\s+月通报\s+0 0 9 8 \* \?\s+顺延至工作日\s+2025-04-08 周二 09:00:00\s+2025-03", output);
        Assert.Matches(@"reminders\s+催报\s+0 30 8 \* \* \?\s+顺延至工作日\s+2025-04-07 周一 08:30:00", output);
        Assert.Matches(@"quarterly-notice\s+季督办.*2025-04-10 周四 09:00:00\s+2025Q1", output);
        Assert.Equal(10, lines.Count(l => l.Contains("周")));
        Assert.Matches(@"assessment-draft\s+年考核初步结果\s+0 0 9 15 1 \?\s+顺延至工作日\s+2026-01-15 周四 09:00:00\s+2025", output);
    }

    [Fact]
    public void The_service_starts_on_its_defaults_keeps_its_schedule_in_the_ledger_file_and_stops_cleanly_on_sigterm()
    {
        using var worker = new RehearsalWorker(_root, Env, DateTimeOffset.UtcNow, speed: 1);
        worker.Start(new Dictionary<string, string> { ["Clock__SimulatedStart"] = "" });
        worker.WaitFor(() => worker.Log.Contains("Application started"), "the service to start");
        Assert.Equal(0, worker.Stop());

        Assert.Contains("Job monthly-notice: scheduled cron '0 0 9 8 * ?' (Asia/Shanghai)", worker.Log);
        SqliteConnection.ClearAllPools();
        using var c = new SqliteConnection($"Data Source={Path.Combine(_root, "data", "reportworker.db")}");
        c.Open();
        var triggers = c.Query<string>("SELECT TRIGGER_NAME FROM QRTZ_CRON_TRIGGERS ORDER BY TRIGGER_NAME").ToArray();
        Assert.Equal(["assessment-draft", "assessment-final", "calendar-check", "forms", "intake-folder", "intake-mailbox", "monthly-notice", "outbox", "quarterly-notice", "reminders"], triggers);
    }

    [Fact]
    public void A_restart_keeps_the_stored_trigger_even_when_the_cron_is_written_in_lower_case_so_a_missed_fire_survives()
    {
        var env = Env;
        env["Schedule__Jobs__reminders__Cron"] = "0 30 8 ? * mon-fri ";
        for (var start = 0; start < 2; start++)
        {
            using var worker = new RehearsalWorker(_root, env, DateTimeOffset.UtcNow, speed: 1);
            worker.Start(new Dictionary<string, string> { ["Clock__SimulatedStart"] = "" });
            worker.WaitFor(() => worker.Log.Contains("Application started"), "the service to start");
            Assert.Equal(0, worker.Stop());
            Assert.Contains(start == 0 ? "Job reminders: scheduled cron" : "Job reminders: kept cron", worker.Log);
        }
    }

    [Fact]
    public void Run_does_what_the_schedule_does_and_a_second_run_sends_nothing_again()
    {
        using (var world = new TestWorld())
        {
            world.ImportSmallRegistry();
            SqliteConnection.ClearAllPools();
            TestFiles.CopyDirectory(world.Paths.Root, Path.Combine(_root, "data"));
        }

        var first = WorkerProcess.Run(_root, Env, "run", "forms", "--month", "2025-03");
        var second = WorkerProcess.Run(_root, Env, "run", "forms", "--month", "2025-03");
        var wrong = WorkerProcess.Run(_root, Env, "run", "forms", "--quarter", "2025Q1");

        Assert.True(first.ExitCode == 0, first.Error);
        Assert.Contains("下发月报表（forms 2025-03）：完成。2025-03 月报表 3 份，新排队 3 封", first.Output);
        Assert.Contains("新排队 0 封", second.Output);
        Assert.Equal(1, wrong.ExitCode);
        Assert.Contains("请用 --month YYYY-MM", wrong.Error);
        SqliteConnection.ClearAllPools();
        using var c = new SqliteConnection($"Data Source={Path.Combine(_root, "data", "reportworker.db")}");
        c.Open();
        Assert.Equal(2, c.ExecuteScalar<long>("SELECT COUNT(*) FROM job_runs WHERE job = 'forms' AND period = '2025-03' AND started_by = 'operator' AND status = 'done'"));
        Assert.Equal(3, c.ExecuteScalar<long>("SELECT COUNT(*) FROM outbox WHERE kind = 'form'"));
    }

    [Theory]
    [InlineData("Schedule__Jobs__forms__Cron", "0 0 9 32 * ?", "Schedule:Jobs:forms:Cron")]
    [InlineData("Schedule__Jobs__fortnightly__Cron", "0 0 9 * * ?", "Schedule:Jobs:fortnightly")]
    [InlineData("Organization__TimeZone", "Asia/Beijing", "Organization:TimeZone")]
    public void A_bad_schedule_setting_stops_the_service_with_the_key_named(string key, string value, string named)
    {
        var env = Env;
        env[key] = value;
        var (exit, _, error) = WorkerProcess.Run(_root, env);

        Assert.Equal(1, exit);
        Assert.Contains(named, error);
    }

    [Fact]
    public void An_unwritable_data_folder_stops_the_service_with_the_key_named()
    {
        var file = Path.Combine(_root, "not-a-folder");
        File.WriteAllText(file, "x");
        var env = Env;
        env["Data__Root"] = Path.Combine(file, "data");
        var (exit, _, error) = WorkerProcess.Run(_root, env);

        Assert.Equal(1, exit);
        Assert.Contains("Data:Root", error);
    }
}
