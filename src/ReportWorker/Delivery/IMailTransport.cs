namespace ReportWorker.Delivery;

/// <summary>Where queued messages go: an SMTP server, or the pickup folder. One session serves a whole delivery run.</summary>
public interface IMailTransport
{
    /// <summary>True when handing the same message over twice leaves one copy (the pickup folder), so a cut-off message needs no journal.</summary>
    bool ResendIsHarmless { get; }

    IMailSession OpenSession();
}

/// <summary>One connection (or none, for the pickup folder) used for every message of a run.</summary>
public interface IMailSession : IAsyncDisposable
{
    /// <summary>Connects if not connected. Throws <see cref="MailServerUnavailableException"/> when the server cannot be reached or refuses the login.</summary>
    Task EnsureConnectedAsync(CancellationToken ct);

    /// <summary>
    /// Hands the stored bytes over in one transaction to <paramref name="recipients"/> (the message's recipients still
    /// due; the headers are the stored ones, so a Bcc circular stays Bcc). What the server says of each recipient is in
    /// the result. Throws <see cref="PermanentDeliveryException"/> when the server refuses the message itself and
    /// <see cref="TransientDeliveryException"/> when the transaction failed as a whole and a later attempt may succeed.
    /// </summary>
    Task<Handover> SendAsync(QueuedMessage message, IReadOnlyList<string> recipients, CancellationToken ct);
}

/// <summary>
/// Where a message went and what the server said of each recipient: accepted, refused for good (5xx), or told to try
/// later (4xx). <paramref name="Transacted"/>: the server took the message (250 to DATA) for someone, if only the journal.
/// </summary>
public sealed record Handover(string Where, IReadOnlyList<string> Accepted, IReadOnlyList<RefusedRecipient> Refused, IReadOnlyList<RefusedRecipient> Deferred, bool Transacted)
{
    public RecipientResults Results => new(Accepted, Refused, Deferred);
}

public sealed record RefusedRecipient(string Address, string Reply)
{
    public override string ToString() => $"{Address}: {Reply}";
}

/// <summary>The server refused the message itself (5xx): retrying cannot help.</summary>
public sealed class PermanentDeliveryException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>The message did not go this time (4xx, dropped connection, timeout); it is tried again later.</summary>
public sealed class TransientDeliveryException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>No message can go now: the server is unreachable or refuses the login. Every due message waits for a later run.</summary>
public sealed class MailServerUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
