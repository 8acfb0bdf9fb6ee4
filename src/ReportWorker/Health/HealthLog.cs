using Microsoft.Extensions.Logging;

namespace ReportWorker.Health;

internal static partial class HealthLog
{
    [LoggerMessage(EventId = 8001, EventName = "HealthCheckTimedOut", Level = LogLevel.Warning, Message = "Health check {Check} gave no answer within {Seconds} s and was left behind")]
    public static partial void TimedOut(ILogger logger, string check, double seconds);

    [LoggerMessage(EventId = 8002, EventName = "HealthCheckThrew", Level = LogLevel.Warning, Message = "Health check {Check} threw instead of giving a verdict")]
    public static partial void Threw(ILogger logger, Exception exception, string check);

    [LoggerMessage(EventId = 8003, EventName = "HealthChecked", Level = LogLevel.Information, Message = "Health check {Check}: {Status} {Facts}")]
    public static partial void Checked(ILogger logger, string check, string status, string facts);
}
