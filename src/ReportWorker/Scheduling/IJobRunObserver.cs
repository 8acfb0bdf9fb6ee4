namespace ReportWorker.Scheduling;

/// <summary>
/// Told by <see cref="JobRunner"/> when a run starts and ends, for what watches the worker from outside (the
/// systemd status line). Called on the job's own thread: it must be quick and must not throw.
/// </summary>
public interface IJobRunObserver
{
    void Started(IScheduledJob job, JobPeriod period);

    /// <summary><paramref name="outcome"/> is null when the run was cancelled because the service is stopping.</summary>
    void Finished(IScheduledJob job, JobPeriod period, JobOutcome? outcome);
}
