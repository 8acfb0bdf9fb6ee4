using Microsoft.Extensions.Options;
using Quartz;

namespace ReportWorker.Scheduling;

/// <summary>A schedule the worker cannot follow stops start-up, naming the key.</summary>
internal sealed class ScheduleOptionsValidator(JobCatalog jobs) : IValidateOptions<ScheduleOptions>
{
    public ValidateOptionsResult Validate(string? name, ScheduleOptions options)
    {
        var failures = new List<string>();
        var known = string.Join(", ", jobs.Names);
        foreach (var (job, schedule) in options.Jobs)
        {
            if (jobs.Find(job) is null)
                failures.Add($"Schedule:Jobs:{job} is not a job this worker has (known: {known}).");
            else if (schedule.Enabled && !CronExpression.TryParse(schedule.Cron, out _))
                failures.Add($"Schedule:Jobs:{job}:Cron '{schedule.Cron}' is not a valid Quartz cron expression (seconds minutes hours day-of-month month day-of-week, e.g. \"0 0 9 25 * ?\").");
        }
        // Every job has its schedule in appsettings.json; one missing means a settings file that lost it, not a job to skip quietly.
        foreach (var job in jobs.All.Where(j => !options.Jobs.ContainsKey(j.Name)))
            failures.Add($"Schedule:Jobs:{job.Name} is missing: give it a Cron (or \"Enabled\": false to turn {job.Title} off).");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
