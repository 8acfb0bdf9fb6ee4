using Microsoft.Extensions.Options;
using Quartz;

namespace ReportWorker.Scheduling;

/// <summary>A schedule the worker cannot follow stops start-up, naming the key.</summary>
internal sealed class ScheduleOptionsValidator : IValidateOptions<ScheduleOptions>
{
    public ValidateOptionsResult Validate(string? name, ScheduleOptions options)
    {
        var failures = new List<string>();
        foreach (var (job, schedule) in options.Jobs)
        {
            if (!JobNames.All.Contains(job))
                failures.Add($"Schedule:Jobs:{job} is not a job this worker has (known: {string.Join(", ", JobNames.All)}).");
            else if (schedule.Enabled && !CronExpression.TryParse(schedule.Cron, out _))
                failures.Add($"Schedule:Jobs:{job}:Cron '{schedule.Cron}' is not a valid Quartz cron expression (seconds minutes hours day-of-month month day-of-week, e.g. \"0 0 9 25 * ?\").");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
