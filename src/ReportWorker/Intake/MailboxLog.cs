using Microsoft.Extensions.Logging;

namespace ReportWorker.Intake;

internal static partial class MailboxLog
{
    [LoggerMessage(EventId = 2101, EventName = "MailTaken", Level = LogLevel.Information,
        Message = "Mail {MessageId} from {Sender}: {Disposition}, {Files} files, moved to {Folder}")]
    public static partial void Taken(ILogger logger, string messageId, string sender, string disposition, int files, string folder);

    [LoggerMessage(EventId = 2102, EventName = "MailAutomatic", Level = LogLevel.Information,
        Message = "Mail {MessageId} from {Sender} is automatic ({Reason}); archived, not answered")]
    public static partial void Automatic(ILogger logger, string messageId, string sender, string reason);

    [LoggerMessage(EventId = 2103, EventName = "MailNoSender", Level = LogLevel.Warning,
        Message = "Mail {MessageId} has no From address; archived, its files not taken in and nobody answered")]
    public static partial void NoSender(ILogger logger, string messageId);

    [LoggerMessage(EventId = 2104, EventName = "MailAlreadyTaken", Level = LogLevel.Information,
        Message = "Mail {MessageId} was taken before (an interruption, or delivered twice); only moving it to {Folder}")]
    public static partial void AlreadyTaken(ILogger logger, string messageId, string folder);

    [LoggerMessage(EventId = 2105, EventName = "MailReconciled", Level = LogLevel.Information,
        Message = "Mail {MessageId} had been moved to {Folder} before an interruption; marked done")]
    public static partial void Reconciled(ILogger logger, string messageId, string folder);

    [LoggerMessage(EventId = 2106, EventName = "MailFailed", Level = LogLevel.Error,
        Message = "Could not take in mail UID {Uid}; it stays in {Folder} for the next run")]
    public static partial void MessageFailed(ILogger logger, Exception exception, uint uid, string folder);

    [LoggerMessage(EventId = 2107, EventName = "MailboxUnreachable", Level = LogLevel.Warning,
        Message = "Mailbox {Host}:{Port} could not be read ({Error}); trying again at the next run")]
    public static partial void Unreachable(ILogger logger, string host, int port, string error);

    [LoggerMessage(EventId = 2108, EventName = "MailboxBusy", Level = LogLevel.Information,
        Message = "Another mailbox intake holds {LockFile}; skipping this run")]
    public static partial void Busy(ILogger logger, string lockFile);

    [LoggerMessage(EventId = 2109, EventName = "MailNotAnswered", Level = LogLevel.Information,
        Message = "Message {MessageId} from {Sender} has no file and is not answered ({Why}); filed as rejected")]
    public static partial void NotAnswered(ILogger logger, string messageId, string sender, string why);

    [LoggerMessage(EventId = 2110, EventName = "ObjectionRecorded", Level = LogLevel.Information,
        Message = "Message {MessageId} from {Sender} objects to the {Year} draft assessment of {Unit} ({How}); recorded as objection {Id} and forwarded to the office")]
    public static partial void ObjectionRecorded(ILogger logger, string messageId, string sender, int year, string unit, string how, long id);

    [LoggerMessage(EventId = 2111, EventName = "ObjectionSeenBefore", Level = LogLevel.Information,
        Message = "Message {MessageId} from {Sender}, an objection to the {Year} draft assessment of {Unit}, was recorded before (delivered again); not forwarded again")]
    public static partial void ObjectionSeenBefore(ILogger logger, string messageId, string sender, int year, string unit);
}
