using Microsoft.Extensions.Logging;

namespace ReportWorker.Delivery;

internal static partial class DeliveryLog
{
    [LoggerMessage(EventId = 3001, EventName = "MessageDelivered", Level = LogLevel.Information, Message = "Outbox message {Id} ({Kind}) to {Recipients} delivered to {Where}")]
    public static partial void Delivered(ILogger logger, long id, string kind, string recipients, string where);

    [LoggerMessage(EventId = 3002, EventName = "MessageFailed", Level = LogLevel.Error, Message = "Outbox message {Id} to {Recipients} failed permanently: {Error}")]
    public static partial void Failed(ILogger logger, long id, string recipients, string error);

    [LoggerMessage(EventId = 3003, EventName = "MessageRetry", Level = LogLevel.Warning, Message = "Outbox message {Id} not delivered ({Error}); next attempt in {Delay}")]
    public static partial void WillRetry(ILogger logger, long id, string error, TimeSpan delay);

    [LoggerMessage(EventId = 3004, EventName = "RecipientsRefused", Level = LogLevel.Warning, Message = "Outbox message {Id} delivered, but the server refused {Refused}")]
    public static partial void RecipientsRefused(ILogger logger, long id, string refused);

    [LoggerMessage(EventId = 3005, EventName = "MailServerUnavailable", Level = LogLevel.Warning, Message = "Mail server unavailable, {Count} due message(s) wait for the next run: {Error}")]
    public static partial void ServerUnavailable(ILogger logger, int count, string error);

    [LoggerMessage(EventId = 3006, EventName = "SmtpConnectRetry", Level = LogLevel.Information, Message = "Connecting to {Host}:{Port} failed (attempt {Attempt}): {Error}; trying again in {Delay}")]
    public static partial void ConnectRetry(ILogger logger, string host, int port, int attempt, TimeSpan delay, string error);

    [LoggerMessage(EventId = 3007, EventName = "SmtpConnected", Level = LogLevel.Debug, Message = "Connected to {Where}")]
    public static partial void Connected(ILogger logger, string where);

    [LoggerMessage(EventId = 3008, EventName = "SmtpAccepted", Level = LogLevel.Debug, Message = "Server accepted outbox message {Id} <{MessageId}>: {Reply}")]
    public static partial void ServerAccepted(ILogger logger, long id, string messageId, string reply);

    [LoggerMessage(EventId = 3009, EventName = "JournalRefused", Level = LogLevel.Warning, Message = "The server refused the journal address {Journal} for outbox message {Id}: a crash while sending it could not be checked")]
    public static partial void JournalRefused(ILogger logger, long id, string journal);

    [LoggerMessage(EventId = 3010, EventName = "CutOffConfirmed", Level = LogLevel.Information, Message = "Outbox message {Id} <{MessageId}> was cut off while sending; the journal has its copy, so it is marked sent and not sent again")]
    public static partial void CutOffConfirmed(ILogger logger, long id, string messageId);

    [LoggerMessage(EventId = 3011, EventName = "CutOffResending", Level = LogLevel.Information, Message = "Outbox message {Id} <{MessageId}> was cut off while sending and the journal has no copy; sending it again")]
    public static partial void CutOffResending(ILogger logger, long id, string messageId);

    [LoggerMessage(EventId = 3012, EventName = "PossibleDuplicate", Level = LogLevel.Warning, Message = "Outbox message {Id} <{MessageId}> to {Recipients} was cut off while sending and no delivery journal is configured: sending it again under the same Message-Id; it may arrive twice")]
    public static partial void PossibleDuplicate(ILogger logger, long id, string messageId, string recipients);

    [LoggerMessage(EventId = 3013, EventName = "JournalUnavailable", Level = LogLevel.Warning, Message = "Outbox message {Id} <{MessageId}> was cut off while sending and the delivery journal could not be asked ({Error}); it stays for the next run")]
    public static partial void JournalUnavailable(ILogger logger, long id, string messageId, string error);

    [LoggerMessage(EventId = 3014, EventName = "AlertQueued", Level = LogLevel.Warning, Message = "Alert queued to {Operator} about {Count} outbox message(s) stuck or failed: {Ids}")]
    public static partial void AlertQueued(ILogger logger, int count, string @operator, string ids);

    [LoggerMessage(EventId = 3015, EventName = "RecipientDeferred", Level = LogLevel.Warning, Message = "Outbox message {Id}: the server deferred {Address} ({Reply}); the other recipients are sent, this one is tried again later")]
    public static partial void RecipientDeferred(ILogger logger, long id, string address, string reply);

    [LoggerMessage(EventId = 3016, EventName = "RelayDown", Level = LogLevel.Error, Message = "邮件服务器无法连接，{Count} 封到期邮件等待中，恢复后自动发出；告警邮件此时无法发出，请检查 Mail:Smtp 设置和网络：{Error}")]
    public static partial void RelayDown(ILogger logger, int count, string error);

    [LoggerMessage(EventId = 3017, EventName = "RelayBack", Level = LogLevel.Information, Message = "Mail server reachable again (down since {Since})")]
    public static partial void RelayBack(ILogger logger, DateTimeOffset since);
}
