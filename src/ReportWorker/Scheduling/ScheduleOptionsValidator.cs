using Microsoft.Extensions.Options;
using Quartz;
using ReportWorker.Hosting;

namespace ReportWorker.Scheduling;

/// <summary>A schedule the worker cannot follow stops start-up, naming the key.</summary>
internal sealed class ScheduleOptionsValidator(JobCatalog jobs) : IValidateOptions<ScheduleOptions>
{
    public ValidateOptionsResult Validate(string? name, ScheduleOptions options)
    {
        var failures = new List<string>();
        var known = string.Join("、", jobs.Names);
        foreach (var (job, schedule) in options.Jobs)
        {
            if (jobs.Find(job) is null)
                failures.Add($"Schedule:Jobs:{job} 不是本程序的任务{NearestName.Hint(job, jobs.Names)}（已有任务：{known}）。");
            else if (schedule.Enabled && !CronExpression.TryParse(schedule.Cron, out _))
                failures.Add($"Schedule:Jobs:{job}:Cron“{schedule.Cron}”不是有效的 Quartz cron 表达式（依次为 秒 分 时 日 月 星期，例如 \"0 0 9 25 * ?\" 表示每月25日9:00）。");
        }
        // Every job has its schedule in appsettings.json; one missing means a settings file that lost it, not a job to skip quietly.
        foreach (var job in jobs.All.Where(j => !options.Jobs.ContainsKey(j.Name)))
            failures.Add($"缺少 Schedule:Jobs:{job.Name}：请给它一个 Cron（或写 \"Enabled\": false 关闭“{job.Title}”）。");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
