using System.Data;

namespace ReportWorker.Delivery;

/// <summary>
/// A report that a message the relay had accepted did not reach one recipient (a DSN, RFC 3464, or a bounce in
/// one of the common non-standard forms): the Message-Id of our message, the recipient, and what the remote
/// server said.
/// </summary>
public sealed record Bounce(string MessageId, string Recipient, string Status, string Diagnostic, DateTimeOffset ReceivedAt);

public enum BounceOutcome
{
    /// <summary>The recipient is now marked bounced and the office will hear of it once.</summary>
    Recorded,
    /// <summary>The same bounce was recorded before (a report delivered twice).</summary>
    AlreadyRecorded,
    /// <summary>Not a message this worker sent.</summary>
    UnknownMessage,
    /// <summary>Our message, but the recipient is not one of its recipients.</summary>
    UnknownRecipient,
}

/// <summary>Marks the recipient a bounce is about as bounced, in the caller's transaction (the mailbox record of the report is committed with it).</summary>
public interface IBounceRecorder
{
    BounceOutcome Record(IDbConnection connection, IDbTransaction transaction, Bounce bounce);
}
