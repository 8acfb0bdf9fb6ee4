using ReportWorker.Tests.Support;

namespace ReportWorker.Tests.Scheduling;

/// <summary>The real executable: the schedule as the operator sees it, and settings that must stop start-up.</summary>
public sealed class ScheduleConfigurationTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("rw-sched-").FullName;
    private Dictionary<string, string> Env => new() { ["Data__Root"] = Path.Combine(_root, "data") };

    public void Dispose() => Directory.Delete(_root, recursive: true);

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
        Assert.Equal(7, lines.Count(l => l.Contains("周")));
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
