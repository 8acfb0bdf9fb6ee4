using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ReportWorker.Cli;
using ReportWorker.Scheduling;
using ReportWorker.Tests.Support;

namespace ReportWorker.Tests.Scheduling;

/// <summary>A job is one class and one registration line: the catalog, the planner, <c>run</c> and <c>jobs</c> find it without being told.</summary>
public sealed class JobCatalogTests
{
    /// <summary>A job the worker does not ship, registered the way a feature registers its own.</summary>
    private sealed class WeeklyDigestJob : IScheduledJob
    {
        public List<JobPeriod> Runs { get; } = [];
        public string Name => "weekly-digest";
        public string Title => "每周摘要";
        public FirePeriod Period => FirePeriod.Day;
        public bool MovesOffHolidays => true;

        public Task<string> RunAsync(JobPeriod period, bool force, CancellationToken ct)
        {
            Runs.Add(period);
            return Task.FromResult($"摘要 {period}");
        }
    }

    private static TestWorld WorldWithDigest(string? cron = "0 0 9 ? * MON") =>
        new(cron is null ? null : new Dictionary<string, string?> { ["Schedule:Jobs:weekly-digest:Cron"] = cron },
            services: s => s.AddScheduledJob<WeeklyDigestJob>());

    [Fact]
    public void The_shipped_jobs_are_registered_by_their_features_each_once()
    {
        using var world = new TestWorld();

        var names = world.Get<JobCatalog>().Names.Order().ToArray();

        Assert.Equal(["assessment-draft", "assessment-final", "calendar-check", "forms", "intake-folder", "intake-mailbox", "monthly-notice", "outbox", "quarterly-notice", "reminders"], names);
    }

    [Fact]
    public async Task A_registered_job_is_listed_planned_and_run_through_the_same_runner_as_the_schedule()
    {
        using var world = WorldWithDigest();
        var job = Assert.IsType<WeeklyDigestJob>(world.Get<JobCatalog>()["weekly-digest"]);

        var listing = JobsCommands.Render(world.Get<IServiceProvider>());
        // 1 May 2025 (Thursday) is 劳动节; the next Monday, 5 May, is still the holiday, so the digest moves to Tuesday 6 May.
        var next = world.Get<SchedulePlanner>().NextRun("weekly-digest", new DateTimeOffset(2025, 5, 1, 10, 0, 0, TimeSpan.FromHours(8)));
        var outcome = await world.Get<JobRunner>().RunAsync(job, JobPeriod.Of(new DateOnly(2025, 5, 6)), null, "operator", force: false, CancellationToken.None);

        Assert.Matches(@"weekly-digest\s+每周摘要\s+0 0 9 \? \* MON\s+顺延至工作日", listing);
        Assert.Equal(new DateTimeOffset(2025, 5, 6, 9, 0, 0, TimeSpan.FromHours(8)), next?.RunAt);
        Assert.Equal("2025-05-05", next?.Period.Value);
        Assert.True(outcome.Succeeded);
        Assert.Equal(["2025-05-06"], job.Runs.Select(p => p.Value));
        Assert.True(world.Get<JobRunStore>().IsDone("weekly-digest", JobPeriod.Of(new DateOnly(2025, 5, 6))));
    }

    [Fact]
    public void A_registered_job_without_a_schedule_stops_start_up_naming_its_key()
    {
        using var world = WorldWithDigest(cron: null);

        var error = Assert.Throws<OptionsValidationException>(() => world.Get<IOptions<ScheduleOptions>>().Value);

        Assert.Contains("缺少 Schedule:Jobs:weekly-digest", error.Message);
    }

    [Fact]
    public void A_schedule_for_a_job_that_does_not_exist_names_the_jobs_that_do()
    {
        using var world = new TestWorld(new Dictionary<string, string?> { ["Schedule:Jobs:monthly-notise:Cron"] = "0 0 9 8 * ?" });

        var error = Assert.Throws<OptionsValidationException>(() => world.Get<IOptions<ScheduleOptions>>().Value);

        Assert.Contains("Schedule:Jobs:monthly-notise 不是本程序的任务，是不是 monthly-notice？", error.Message);
        Assert.Contains("monthly-notice", error.Message);
    }

    [Fact]
    public void Two_jobs_with_one_name_are_refused()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new JobCatalog([new WeeklyDigestJob(), new WeeklyDigestJob()]));

        Assert.Contains("weekly-digest", error.Message);
    }
}
