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

    [LoggerMessage(EventId = 2112, EventName = "SenderUnverifiedRefused", Level = LogLevel.Warning,
        Message = "Mail {MessageId} from {Sender} is not verified by {AuthServId} ({Results}); archived, not taken in, the unit's liaisons and the office told")]
    public static partial void SenderUnverifiedRefused(ILogger logger, string messageId, string sender, string authServId, string results);

    [LoggerMessage(EventId = 2113, EventName = "SenderUnverifiedAccepted", Level = LogLevel.Warning,
        Message = "Mail {MessageId} from {Sender} is not verified by {AuthServId} ({Results}); taken in anyway (Intake:Mailbox:SenderPolicy is Warn)")]
    public static partial void SenderUnverifiedAccepted(ILogger logger, string messageId, string sender, string authServId, string results);

    [LoggerMessage(EventId = 2114, EventName = "NoAuthenticationResults", Level = LogLevel.Warning,
        Message = "Mail {MessageId} has no Authentication-Results header from {AuthServId} at its top; if no mail has one, Intake:Mailbox:AuthServId does not match what the receiving server writes")]
    public static partial void NoAuthenticationResults(ILogger logger, string messageId, string authServId);

    [LoggerMessage(EventId = 2115, EventName = "SenderUnverifiedNotAnswered", Level = LogLevel.Warning,
        Message = "Mail {MessageId} from {Sender}, not verified and not a registered liaison, is not taken in and not answered (answering an unverified address could reach someone who never wrote)")]
    public static partial void SenderUnverifiedNotAnswered(ILogger logger, string messageId, string sender);

    [LoggerMessage(EventId = 2116, EventName = "BounceRecorded", Level = LogLevel.Warning,
        Message = "Report {ReportId}: our message {MessageId} did not reach {Recipient} ({Status} {Diagnostic}); recorded as a bounce (seen before: {SeenBefore})")]
    public static partial void BounceRecorded(ILogger logger, string reportId, string messageId, string recipient, string status, string diagnostic, bool seenBefore);

    [LoggerMessage(EventId = 2117, EventName = "BounceUnknownRecipient", Level = LogLevel.Warning,
        Message = "Report {ReportId}: our message {MessageId} did not reach {Recipient} ({Status}), who is not one of its recipients (an alias or a forward); not recorded")]
    public static partial void BounceUnknownRecipient(ILogger logger, string reportId, string messageId, string recipient, string status);

    [LoggerMessage(EventId = 2118, EventName = "BounceForeign", Level = LogLevel.Information,
        Message = "Report {ReportId} is about {MessageId} to {Recipient}, which this worker did not send; not answered")]
    public static partial void BounceForeign(ILogger logger, string reportId, string messageId, string recipient);

    [LoggerMessage(EventId = 2119, EventName = "BounceWithoutMessageId", Level = LogLevel.Warning,
        Message = "Report {ReportId} says delivery to {Recipients} failed but names no message; not recorded, not answered")]
    public static partial void BounceWithoutMessageId(ILogger logger, string reportId, string recipients);

    [LoggerMessage(EventId = 2121, EventName = "DeliveryDelayed", Level = LogLevel.Information,
        Message = "Report {ReportId}: delivery of {MessageId} to {Recipient} is delayed ({Status} {Diagnostic}); the remote server is still trying, nothing recorded")]
    public static partial void DeliveryDelayed(ILogger logger, string reportId, string messageId, string recipient, string status, string diagnostic);
}
