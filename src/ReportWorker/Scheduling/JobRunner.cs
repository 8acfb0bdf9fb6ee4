using System.Diagnostics;
using Microsoft.Extensions.Logging;
using ReportWorker.Periods;
using ReportWorker.Telemetry;

namespace ReportWorker.Scheduling;

/// <summary>How one run ended. <paramref name="Refusal"/>: the period was not open yet (not a failure to retry, nor to alert about).</summary>
public sealed record JobOutcome(string Job, JobPeriod Period, bool Succeeded, string Summary, PeriodNotOpenException? Refusal = null);

/// <summary>
/// Runs one job for one period. The schedule and the operator's <c>run</c> command both come through
/// here, so a re-run does exactly what the schedule would have done. Every job is idempotent by key
/// (a form, a reminder, a briefing version is queued once), so running a period again never sends
/// anything twice.
/// </summary>
public sealed class JobRunner(JobRunStore runs, IEnumerable<IJobRunObserver> observers, ILogger<JobRunner> logger)
{
    public async Task<JobOutcome> RunAsync(IScheduledJob job, JobPeriod period, DateTimeOffset? occurrence, string startedBy, bool force, CancellationToken ct)
    {
        using var activity = WorkerTelemetry.StartJob(job.Name, period.Value);
        var started = Stopwatch.GetTimestamp();
        foreach (var observer in observers) observer.Started(job, period);
        JobOutcome? outcome = null;
        try { return outcome = await RunOnceAsync(job, period, occurrence, startedBy, force, ct); }
        // What escapes a run (its record could not be written) failed it; only a stop leaves no outcome.
        catch (Exception ex) when (!ct.IsCancellationRequested) { outcome = new JobOutcome(job.Name, period, false, ex.Message); throw; }
        finally
        {
            var result = outcome switch { null => "cancelled", { Succeeded: true } => "succeeded", { Refusal: not null } => "refused", _ => "failed" };
            WorkerTelemetry.JobRan(activity, job.Name, result, Stopwatch.GetElapsedTime(started), outcome?.Summary);
            foreach (var observer in observers) observer.Finished(job, period, outcome);
        }
    }

    private async Task<JobOutcome> RunOnceAsync(IScheduledJob job, JobPeriod period, DateTimeOffset? occurrence, string startedBy, bool force, CancellationToken ct)
    {
        var periodic = job.Period != FirePeriod.None;
        var runId = periodic ? runs.Start(job.Name, period, occurrence, startedBy) : 0;
        try
        {
            var summary = await job.RunAsync(period, force, ct);
            if (periodic)
            {
                runs.Finish(runId, done: true, summary);
                SchedulingLog.JobDone(logger, job.Name, period.Value, summary);
            }
            else SchedulingLog.ContinuousJobDone(logger, job.Name, summary);
            return new JobOutcome(job.Name, period, true, summary);
        }
        catch (PeriodNotOpenException ex)
        {
            // Recorded as not done, so the period still counts as owed; the reason is the summary.
            if (periodic) runs.Finish(runId, done: false, ex.Message);
            SchedulingLog.Refused(logger, job.Name, period.Value, ex.OpensAt, ex.Message);
            return new JobOutcome(job.Name, period, false, ex.Message, ex);
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
