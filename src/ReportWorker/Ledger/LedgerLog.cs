using Microsoft.Extensions.Logging;

namespace ReportWorker.Ledger;

internal static partial class LedgerLog
{
    [LoggerMessage(EventId = 1001, EventName = "MigrationApplied", Level = LogLevel.Information,
        Message = "Ledger schema migration {Version} ({Name}) applied")]
    public static partial void MigrationApplied(ILogger logger, long version, string name);
}
