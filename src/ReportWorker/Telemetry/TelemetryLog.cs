using Microsoft.Extensions.Logging;

namespace ReportWorker.Telemetry;

internal static partial class TelemetryLog
{
    // Debug: systemd missing a status line is no reason to fill its journal.
    [LoggerMessage(EventId = 9001, EventName = "SystemdStatusNotSent", Level = LogLevel.Debug, Message = "The systemd status line could not be sent: {Reason}")]
    public static partial void StatusNotSent(ILogger logger, string reason);
}
