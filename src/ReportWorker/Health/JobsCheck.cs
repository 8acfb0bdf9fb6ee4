using System.Globalization;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using ReportWorker.Calendar;
using ReportWorker.Hosting;
using ReportWorker.Scheduling;

namespace ReportWorker.Health;

/// <summary>
/// 任务: for each enabled periodic job, the latest occurrence of its cron whose run time (moved off holidays the way the
/// scheduler moves it, by <see cref="SchedulePlanner"/>) is more than Health:JobGraceMinutes past must have a 'done' run
/// for its period, as the scheduler itself decides (<see cref="JobRunStore"/>). Occurrences before the schedule's first
/// recorded run are not owed: the scheduler never runs what fell before it was installed.
/// </summary>
internal sealed class JobsCheck(JobCatalog jobs, IOptions<ScheduleOptions> schedule, SchedulePlanner planner, JobRunStore runs,
    ReportingCalendar calendar, TimeProvider clock, IOptions<HealthOptions> options) : IHealthCheck
{
    // How many occurrences back to look past ones still waiting for their (holiday-moved) time: a week of daily ones, and then some.
    private const int MaxStepsBack = 32;

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var all = runs.All();
        var scheduled = all.Where(r => r.StartedBy == "schedule").Select(r => Time(r.StartedAt)).ToArray();
        if (scheduled.Length == 0)
            return Task.FromResult(HealthCheckResult.Degraded($"还没有任何定期任务按计划运行过：后台服务是否已启动？（systemctl status reportworker；刚安装的服务在第一次定时运行后，如每天 calendar-check，即不再提示）"));
        var since = scheduled.Min();

        var periodic = jobs.All.Where(j => j.Period != FirePeriod.None && schedule.Value.Jobs.TryGetValue(j.Name, out var s) && s.Enabled).ToArray();
        var findings = periodic
            .Select(job => Judge(job, all.Where(r => r.Job == job.Name).ToArray(), since, now, ct))
            .OfType<(HealthStatus Status, string Text)>().ToArray();
        if (findings.Length == 0)
            return Task.FromResult(HealthCheckResult.Healthy($"{periodic.Length} 项定期任务最近一次应运行的都已完成"));
        var worst = findings.Min(f => f.Status);
        return Task.FromResult(new HealthCheckResult(worst, $"{periodic.Length} 项定期任务中 {findings.Length} 项需要处理：{string.Join("；", findings.Select(f => f.Text))}"));
    }

    private (HealthStatus, string)? Judge(IScheduledJob job, IReadOnlyList<JobRun> jobRuns, DateTimeOffset since, DateTimeOffset now, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        var who = $"{job.Title}（{job.Name}）";
        if (DueOccurrence(job.Name, since, now) is { } due)
        {
            var period = planner.PeriodOf(job.Name, due.Occurrence);
            var ofPeriod = jobRuns.Where(r => r.Period == period.Value).ToArray();
            if (!ofPeriod.Any(r => r.Status == "done"))
            {
                var what = $"{who}{Label(period)}应于 {Local(due.RunAt)} 运行";
                var failed = ofPeriod.Where(r => r.Status == "failed").ToArray();
                var rerun = $"可运行 {CommandName.Value} run {job.Name}{RunArgument(period)} 补做";
                if (failed.Length > schedule.Value.RetryFailedRuns)
                    return (HealthStatus.Unhealthy, $"{what}，失败 {failed.Length} 次，已不再自动重试：{HealthVerdict.OneLine(failed[^1].Summary, 200)}；排除原因后{rerun}");
                if (failed.Length > 0)
                    return (HealthStatus.Degraded, $"{what}，失败 {failed.Length} 次，将自动重试：{HealthVerdict.OneLine(failed[^1].Summary, 200)}");
                if (ofPeriod.FirstOrDefault(r => r.Status == "running") is { } running)
                    return (HealthStatus.Degraded, $"{what}，自 {Local(Time(running.StartedAt))} 起仍在运行，尚未完成");
                return (HealthStatus.Degraded, $"{what}，至今没有运行记录（服务当时是否在运行？）；{rerun}");
            }
        }
        // An earlier or later period's run (an operator's `run`) that failed and was not done since.
        if (jobRuns.Count > 0 && jobRuns[^1] is { Status: "failed" } last && !jobRuns.Any(r => r.Period == last.Period && r.Status == "done"))
            return (HealthStatus.Degraded, $"{who}最近一次运行{(last.Period.Length > 0 ? $"（{last.Period}）" : "")}于 {Local(Time(last.StartedAt))} 失败：{HealthVerdict.OneLine(last.Summary, 200)}");
        return null;
    }

    /// <summary>The latest occurrence whose run time is past the grace period, skipping ones still waiting for a working day; null if none is owed.</summary>
    private (DateTimeOffset Occurrence, DateTimeOffset RunAt)? DueOccurrence(string job, DateTimeOffset since, DateTimeOffset now)
    {
        var grace = TimeSpan.FromMinutes(options.Value.JobGraceMinutes);
        var at = now;
        for (var step = 0; step < MaxStepsBack && planner.LatestOccurrence(job, at) is { } occurrence; step++)
        {
            var runAt = planner.RunAt(job, occurrence);
            if (runAt < since) return null;
            if (runAt + grace <= now) return (occurrence, runAt);
            at = occurrence - TimeSpan.FromSeconds(1);
        }
        return null;
    }

    private static string Label(JobPeriod period) => period.Value.Length == 0 ? "" : $" {period.Value} ";

    private static string RunArgument(JobPeriod period) => period.Kind switch
    {
        PeriodKind.Month => $" --month {period.Value}",
        PeriodKind.Quarter => $" --quarter {period.Value}",
        PeriodKind.Day => $" --date {period.Value}",
        PeriodKind.Year => $" --year {period.Value}",
        _ => "",
    };

    private string Local(DateTimeOffset time) => ReportingCalendar.Chinese(calendar.ToLocal(time));

    private static DateTimeOffset Time(string stored) => DateTimeOffset.Parse(stored, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
}
