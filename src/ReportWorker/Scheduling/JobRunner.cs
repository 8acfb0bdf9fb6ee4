using Microsoft.Extensions.Logging;

namespace ReportWorker.Scheduling;

public sealed record JobOutcome(string Job, JobPeriod Period, bool Succeeded, string Summary);

/// <summary>
/// Runs one job for one period. The schedule and the operator's <c>run</c> command both come through
/// here, so a re-run does exactly what the schedule would have done. Every job is idempotent by key
/// (a form, a reminder, a briefing version is queued once), so running a period again never sends
/// anything twice.
/// </summary>
public sealed class JobRunner(JobRunStore runs, ILogger<JobRunner> logger)
{
    public async Task<JobOutcome> RunAsync(IScheduledJob job, JobPeriod period, DateTimeOffset? occurrence, string startedBy, CancellationToken ct)
    {
        var periodic = job.Period != FirePeriod.None;
        var runId = periodic ? runs.Start(job.Name, period, occurrence, startedBy) : 0;
        try
        {
            var summary = await job.RunAsync(period, ct);
            if (periodic)
            {
                runs.Finish(runId, done: true, summary);
                SchedulingLog.JobDone(logger, job.Name, period.Value, summary);
            }
            else SchedulingLog.ContinuousJobDone(logger, job.Name, summary);
            return new JobOutcome(job.Name, period, true, summary);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            // A failed run is recorded and logged; the schedule goes on and the next fire (or `run`) tries again.
            if (periodic) runs.Finish(runId, done: false, ex.Message);
            SchedulingLog.JobFailed(logger, ex, job.Name, period.Value);
            return new JobOutcome(job.Name, period, false, ex.Message);
        }
    }
}
