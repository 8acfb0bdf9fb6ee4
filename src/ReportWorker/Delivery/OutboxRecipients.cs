namespace ReportWorker.Delivery;

/// <summary>
/// Where one recipient of an outbox message is. pending → sending → sent; a 4xx to its RCPT TO makes it deferred
/// (tried again later, alone if need be, under the same Message-Id) and, past Mail:RecipientLifetimeHours, expired;
/// a 5xx makes it refused; a DSN after the relay took it makes it bounced; a change of the unit's liaisons makes a
/// recipient not yet reached replaced (by the new addresses, which start pending).
/// </summary>
public enum RecipientState { Pending, Sending, Sent, Deferred, Refused, Bounced, Expired, Replaced }

/// <summary>The one mapping between <see cref="RecipientState"/> and the text stored in outbox_recipients.status.</summary>
public static class RecipientStates
{
    internal const string Pending = "pending";
    internal const string Sending = "sending";
    internal const string Sent = "sent";
    internal const string Deferred = "deferred";
    internal const string Refused = "refused";
    internal const string Bounced = "bounced";
    internal const string Expired = "expired";
    internal const string Replaced = "replaced";

    public static RecipientState FromStored(string stored) => stored switch
    {
        Pending => RecipientState.Pending,
        Sending => RecipientState.Sending,
        Sent => RecipientState.Sent,
        Deferred => RecipientState.Deferred,
        Refused => RecipientState.Refused,
        Bounced => RecipientState.Bounced,
        Expired => RecipientState.Expired,
        Replaced => RecipientState.Replaced,
        _ => throw new InvalidDataException($"outbox_recipients.status holds \"{stored}\", which is not a recipient state."),
    };

    public static string Chinese(RecipientState state) => state switch
    {
        RecipientState.Pending => "待发送",
        RecipientState.Sending => "发送中",
        RecipientState.Sent => "已投递",
        RecipientState.Deferred => "对方暂拒，稍后重试",
        RecipientState.Refused => "被拒收",
        RecipientState.Bounced => "已退信",
        RecipientState.Expired => "重试期满，已放弃",
        _ => "已改发新地址",
    };
}

/// <summary>One recipient of an outbox message as stored.</summary>
public sealed record OutboxRecipient(long Id, long OutboxId, string Address, string? UnitCode, RecipientState Status, long Attempts,
    string? NextAttemptAt, string? FirstDeferredAt, string? LastReply, string? SentAt, string? ReplacedBy);

/// <summary>A recipient the office is told about: whose it is, what the server said, on which message.</summary>
public sealed record RecipientAlert(long Id, long OutboxId, string Address, string? UnitCode, string? UnitName, RecipientState Status,
    string? LastReply, string? FirstDeferredAt, string Kind, string Subject);
