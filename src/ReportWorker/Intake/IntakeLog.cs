using Microsoft.Extensions.Logging;

namespace ReportWorker.Intake;

internal static partial class IntakeLog
{
    [LoggerMessage(EventId = 2001, EventName = "FormAccepted", Level = LogLevel.Information,
        Message = "Accepted {File}: unit {Unit}, month {Month}, {Entries} tasks, {Warnings} warnings")]
    public static partial void Accepted(ILogger logger, string file, string unit, string month, int entries, int warnings);

    [LoggerMessage(EventId = 2002, EventName = "FormRejected", Level = LogLevel.Warning,
        Message = "Rejected {File} ({Outcome}), {Count} problems; first: {First}")]
    public static partial void Rejected(ILogger logger, string file, string outcome, int count, string first);

    [LoggerMessage(EventId = 2003, EventName = "IntakeResumed", Level = LogLevel.Information,
        Message = "{File} was already recorded as {Id} before an interruption; finishing it")]
    public static partial void Resumed(ILogger logger, string file, long id);

    [LoggerMessage(EventId = 2004, EventName = "FileUnreadable", Level = LogLevel.Error,
        Message = "Unexpected error reading {File}; rejected as unreadable")]
    public static partial void Unreadable(ILogger logger, Exception exception, string file);

    [LoggerMessage(EventId = 2005, EventName = "FileFailed", Level = LogLevel.Error,
        Message = "Could not take in {File}; it stays in the inbox for the next run")]
    public static partial void Failed(ILogger logger, Exception exception, string file);

    [LoggerMessage(EventId = 2006, EventName = "IntakeBusy", Level = LogLevel.Information,
        Message = "Another intake holds {LockFile}; skipping this run")]
    public static partial void Busy(ILogger logger, string lockFile);
}
