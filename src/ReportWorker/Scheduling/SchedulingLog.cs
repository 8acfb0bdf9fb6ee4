using Microsoft.Extensions.Logging;

namespace ReportWorker.Scheduling;

internal static partial class SchedulingLog
{
    [LoggerMessage(EventId = 5001, EventName = "JobDone", Level = LogLevel.Information, Message = "Job {Job} {Period} done: {Summary}")]
    public static partial void JobDone(ILogger logger, string job, string period, string summary);

    // Intake and delivery log each file and message themselves; their every-minute runs stay quiet.
    [LoggerMessage(EventId = 5008, EventName = "ContinuousJobDone", Level = LogLevel.Debug, Message = "Job {Job} ran: {Summary}")]
    public static partial void ContinuousJobDone(ILogger logger, string job, string summary);

    [LoggerMessage(EventId = 5009, EventName = "JobFired", Level = LogLevel.Debug, Message = "Fire {Job} scheduled {Scheduled:O} on {Instance} (recovering: {Recovering})")]
    public static partial void Fired(ILogger logger, string job, DateTimeOffset? scheduled, string instance, bool recovering);

    [LoggerMessage(EventId = 5002, EventName = "JobFailed", Level = LogLevel.Error, Message = "Job {Job} {Period} failed")]
    public static partial void JobFailed(ILogger logger, Exception exception, string job, string period);

    [LoggerMessage(EventId = 5003, EventName = "JobDeferred", Level = LogLevel.Information, Message = "Job {Job}: {Occurrence:yyyy-MM-dd} is not a working day; runs at {RunAt:yyyy-MM-dd HH:mm}")]
    public static partial void Deferred(ILogger logger, string job, DateTimeOffset occurrence, DateTimeOffset runAt);

    [LoggerMessage(EventId = 5004, EventName = "PeriodAlreadyDone", Level = LogLevel.Information, Message = "Job {Job} {Period} was already done; not run again")]
    public static partial void AlreadyDone(ILogger logger, string job, string period);

    [LoggerMessage(EventId = 5005, EventName = "TriggerInstalled", Level = LogLevel.Information, Message = "Job {Job}: {Action} cron '{Cron}' ({Zone}); next fire {Next:yyyy-MM-dd HH:mm:ss zzz}")]
    public static partial void Installed(ILogger logger, string job, string action, string cron, string zone, DateTimeOffset? next);

    [LoggerMessage(EventId = 5006, EventName = "JobRemoved", Level = LogLevel.Information, Message = "Job {Job} is disabled or no longer configured; removed from the schedule")]
    public static partial void Removed(ILogger logger, string job);

    [LoggerMessage(EventId = 5010, EventName = "JobWillRetry", Level = LogLevel.Warning, Message = "Job {Job} {Period} failed (attempt {Attempt}); trying again at {At:O}")]
    public static partial void WillRetry(ILogger logger, string job, string period, int attempt, DateTimeOffset at);

    [LoggerMessage(EventId = 5011, EventName = "JobGaveUp", Level = LogLevel.Error, Message = "Job {Job} {Period} failed {Attempts} times; the operators were e-mailed")]
    public static partial void GaveUp(ILogger logger, string job, string period, int attempts);

    [LoggerMessage(EventId = 5013, EventName = "JobMovedByWeekendsOnly", Level = LogLevel.Warning,
        Message = "Job {Job}: there is no holiday data for {Day:yyyy-MM-dd}, so whether it is a working day was judged by the weekend alone (run at {RunAt:yyyy-MM-dd HH:mm}). Add the year with `ReportWorker calendar add FILE`.")]
    public static partial void WeekendsOnly(ILogger logger, string job, DateTimeOffset day, DateTimeOffset runAt);

    [LoggerMessage(EventId = 5012, EventName = "UnknownJob", Level = LogLevel.Warning, Message = "The job store fired '{Job}', which this worker does not have; ignored (it is removed at the next start)")]
    public static partial void UnknownJob(ILogger logger, string job);

    [LoggerMessage(EventId = 5015, EventName = "JobRefused", Level = LogLevel.Warning, Message = "Job {Job} {Period} refused: its period opens at {OpensAt:O}. {Reason}")]
    public static partial void Refused(ILogger logger, string job, string period, DateTimeOffset opensAt, string reason);

    [LoggerMessage(EventId = 5014, EventName = "JobWaitsForPeriod", Level = LogLevel.Information, Message = "Job {Job} {Period} runs again at {RunAt:yyyy-MM-dd HH:mm}, once its period is open")]
    public static partial void WaitsForPeriod(ILogger logger, string job, string period, DateTimeOffset runAt);
}
