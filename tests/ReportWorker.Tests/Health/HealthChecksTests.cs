using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using ReportWorker.Delivery;
using ReportWorker.Health;
using ReportWorker.Ledger;
using ReportWorker.Scheduling;
using ReportWorker.Tests.Delivery;
using ReportWorker.Tests.Support;

namespace ReportWorker.Tests.Health;

/// <summary>Each check's verdict on a real ledger and data folder, the clock moved where the case needs it.</summary>
public class HealthChecksTests
{
    private static async Task<HealthLine> Run(TestWorld world, string check) =>
        Assert.Single(await world.Get<HealthRunner>().RunAsync(TestContext.Current.CancellationToken), l => l.Name == check);

    [Fact]
    public async Task Names_the_database_and_judges_its_schema_against_this_build()
    {
        using var world = new TestWorld();
        var latest = SchemaMigrator.Scripts().Max(s => s.Version);

        var line = await Run(world, "数据库");
        Assert.Equal(HealthStatus.Healthy, line.Status);
        Assert.StartsWith(TestWorld.OnPostgres ? "PostgreSQL " : "SQLite ", line.Facts);
        Assert.EndsWith($"架构版本 {latest}（最新）", line.Facts);

        using (var c = world.Get<LedgerDatabase>().Open())
            c.Execute("INSERT INTO schema_migrations(version, name, applied_at) VALUES (9999, '9999_future', '2030-01-01T00:00:00.0000000+00:00')");
        line = await Run(world, "数据库");
        Assert.Equal(HealthStatus.Degraded, line.Status);
        Assert.Contains("架构版本 9999 本程序不认识", line.Facts);

        using (var c = world.Get<LedgerDatabase>().Open())
            c.Execute("DELETE FROM schema_migrations WHERE version = @latest", new { latest });
        line = await Run(world, "数据库");
        Assert.Equal(HealthStatus.Unhealthy, line.Status);
        Assert.Contains($"架构缺少版本 {latest}", line.Facts);
    }

    [Fact]
    public async Task A_worker_whose_schedule_never_ran_is_asked_whether_the_service_runs()
    {
        using var world = new TestWorld(start: ScheduleHistory.ThirdApril);

        var line = await Run(world, "任务");

        Assert.Equal(HealthStatus.Degraded, line.Status);
        Assert.Contains("还没有任何定期任务按计划运行过", line.Facts);
    }

    [Fact]
    public async Task Every_owed_period_done_is_healthy_and_one_missing_is_named()
    {
        using var world = new TestWorld(start: ScheduleHistory.FirstDay);
        ScheduleHistory.Record(world, except: "reminders");

        var line = await Run(world, "任务");
        Assert.Equal(HealthStatus.Degraded, line.Status);
        Assert.Contains("7 项定期任务中 1 项需要处理：催报（reminders） 2025-04-03 应于 2025年4月3日 08:30 运行", line.Facts);

        var runs = world.Get<JobRunStore>();
        runs.Finish(runs.Start("reminders", new JobPeriod(PeriodKind.Day, "2025-04-03"), null, "operator"), done: true, "催报 0 封");
        line = await Run(world, "任务");
        Assert.Equal(HealthStatus.Healthy, line.Status);
        Assert.Equal("7 项定期任务最近一次应运行的都已完成", line.Facts);
    }

    [Fact]
    public async Task A_run_still_in_its_grace_period_is_not_owed_yet()
    {
        using var world = new TestWorld(start: ScheduleHistory.FirstDay);
        ScheduleHistory.FirstRun(world, ScheduleHistory.FirstDay);
        // 08:30 + Health:JobGraceMinutes (60) is 09:30: at 09:20 the owed reminders are yesterday's, which ran.
        world.SetLocalTime(2025, 4, 3, 9, 20);
        var runs = world.Get<JobRunStore>();
        runs.Finish(runs.Start("reminders", new JobPeriod(PeriodKind.Day, "2025-04-02"), null, "schedule"), done: true, "催报 0 封");

        var line = await Run(world, "任务");

        Assert.DoesNotContain("reminders", line.Facts);
    }

    [Fact]
    public async Task An_occurrence_moved_off_a_weekend_is_owed_when_it_runs_and_a_make_up_working_saturday_keeps_its_day()
    {
        // Saturday 8 March 2025, noon: the 月通报's 09:00 today waits for Monday. The one owed is 8 February's, also a
        // Saturday but a 调休 working day in 2025, so it was owed that very morning.
        using var world = new TestWorld(start: ScheduleHistory.FirstDay);
        ScheduleHistory.FirstRun(world, ScheduleHistory.FirstDay);
        world.SetLocalTime(2025, 3, 8, 12, 0);

        var line = await Run(world, "任务");
        Assert.Contains("月通报（monthly-notice） 2025-01 应于 2025年2月8日 09:00 运行", line.Facts);
        Assert.DoesNotContain("monthly-notice） 2025-02", line.Facts);

        var runs = world.Get<JobRunStore>();
        runs.Finish(runs.Start("monthly-notice", new JobPeriod(PeriodKind.Month, "2025-01"), null, "schedule"), done: true, "2025-01 月通报第1期");
        Assert.DoesNotContain("monthly-notice", (await Run(world, "任务")).Facts);
    }

    [Fact]
    public async Task Occurrences_before_the_schedule_first_ran_are_not_owed()
    {
        var firstOfApril = new DateTimeOffset(2025, 4, 1, 8, 0, 0, TimeSpan.FromHours(8));
        using var world = new TestWorld(start: firstOfApril);
        ScheduleHistory.FirstRun(world, firstOfApril);
        world.Clock.SetUtcNow(ScheduleHistory.ThirdApril);

        var line = await Run(world, "任务");

        Assert.Contains("催报（reminders） 2025-04-03", line.Facts);
        Assert.Contains("节假日数据检查（calendar-check） 2025-04-03", line.Facts);
        foreach (var before in new[] { "forms", "monthly-notice", "quarterly-notice", "assessment-draft", "assessment-final" })
            Assert.DoesNotContain(before, line.Facts);
    }

    [Fact]
    public async Task A_run_failing_beyond_its_retries_is_broken_and_within_them_needs_attention()
    {
        using var world = new TestWorld(start: ScheduleHistory.FirstDay);
        ScheduleHistory.Record(world, except: "forms");
        var runs = world.Get<JobRunStore>();
        var march = new JobPeriod(PeriodKind.Month, "2025-03");

        runs.Finish(runs.Start("forms", march, null, "schedule"), done: false, "单位名录为空");
        var line = await Run(world, "任务");
        Assert.Equal(HealthStatus.Degraded, line.Status);
        Assert.Contains("下发月报表（forms） 2025-03 应于 2025年3月25日 09:00 运行，失败 1 次，将自动重试：单位名录为空", line.Facts);

        // Schedule:RetryFailedRuns is 4: the fifth failure is the last the schedule tries.
        for (var i = 0; i < 4; i++) runs.Finish(runs.Start("forms", march, null, "schedule"), done: false, "单位名录为空");
        line = await Run(world, "任务");
        Assert.Equal(HealthStatus.Unhealthy, line.Status);
        Assert.Contains("失败 5 次，已不再自动重试：单位名录为空", line.Facts);
        Assert.Contains("ReportWorker run forms --month 2025-03", line.Facts);
    }

    [Theory]
    [InlineData(2025, 4, 3, HealthStatus.Healthy, "覆盖到 2026年12月31日")]
    [InlineData(2026, 11, 15, HealthStatus.Degraded, "只到 2026年12月31日（还剩 47 天），2027年的尚未导入")]
    [InlineData(2027, 3, 1, HealthStatus.Unhealthy, "没有 2027 年的放假安排")]
    public async Task The_holiday_data_must_cover_today_and_in_time_next_year(int year, int month, int day, HealthStatus status, string facts)
    {
        // The shipped data has 2025 and 2026.
        using var world = new TestWorld(start: new DateTimeOffset(year, month, day, 10, 0, 0, TimeSpan.FromHours(8)));

        var line = await Run(world, "节假日日历");

        Assert.Equal(status, line.Status);
        Assert.Contains(facts, line.Facts);
    }

    [Fact]
    public async Task A_relay_outage_on_record_is_broken_and_a_message_no_run_takes_needs_attention()
    {
        using var world = new TestWorld(start: ScheduleHistory.ThirdApril);
        Queue.Messages(world, 2);
        var outbox = world.Get<OutboxStore>();
        Assert.Equal(HealthStatus.Healthy, (await Run(world, "发件箱")).Status);

        world.Clock.Advance(TimeSpan.FromMinutes(61));
        var line = await Run(world, "发件箱");
        Assert.Equal(HealthStatus.Degraded, line.Status);
        Assert.Contains("待发 2 封", line.Facts);
        Assert.Contains("2 封到期超过 60 分钟仍未发出（最早应于 2025年4月3日 10:00 发出）", line.Facts);

        outbox.RecordRelayDown("smtp://mail.example.gov.cn:587 cannot connect: Connection refused");
        line = await Run(world, "发件箱");
        Assert.Equal(HealthStatus.Unhealthy, line.Status);
        Assert.Contains("自 2025年4月3日 11:01 起连不上邮件服务器（smtp://mail.example.gov.cn:587 cannot connect: Connection refused），2 封等待中", line.Facts);
    }

    [Theory]
    [InlineData("Health:DiskWarningMegabytes", HealthStatus.Degraded)]
    [InlineData("Health:DiskCriticalMegabytes", HealthStatus.Unhealthy)]
    public async Task Free_space_under_a_limit_is_judged_by_it(string limit, HealthStatus status)
    {
        // No test machine has 95 TB free.
        using var world = new TestWorld(new Dictionary<string, string?> { [limit] = "100000000" });

        var line = await Run(world, "数据目录");

        Assert.Equal(status, line.Status);
        Assert.StartsWith($"{world.Paths.Root} 可写，剩余 ", line.Facts);
        Assert.Contains(limit, line.Facts);
    }

    [Fact]
    public async Task A_check_that_hangs_or_throws_is_a_broken_line_and_the_others_still_report()
    {
        using var release = new ManualResetEventSlim();
        using var world = new TestWorld(services: s => s.AddHealthChecks()
            .AddCheck("挂起", () => { release.Wait(); return HealthCheckResult.Healthy(); }, timeout: TimeSpan.FromSeconds(1))
            .AddCheck("抛出", () => throw new InvalidDataException("文件损坏")));
        try
        {
            var lines = await world.Get<HealthRunner>().RunAsync(TestContext.Current.CancellationToken);

            var hung = Assert.Single(lines, l => l.Name == "挂起");
            Assert.Equal((HealthStatus.Unhealthy, "检查超时：1 秒内没有结果，已放弃（Health:CheckTimeoutSeconds）"), (hung.Status, hung.Facts));
            var threw = Assert.Single(lines, l => l.Name == "抛出");
            Assert.Equal((HealthStatus.Unhealthy, "检查出错（InvalidDataException）：文件损坏"), (threw.Status, threw.Facts));
            Assert.Equal(HealthStatus.Healthy, Assert.Single(lines, l => l.Name == "数据库").Status);
            Assert.Equal(10, lines.Count);
        }
        finally { release.Set(); }
    }
}

public sealed class HealthChecksOnPostgres : HealthChecksTests, IRunsOnPostgres;
