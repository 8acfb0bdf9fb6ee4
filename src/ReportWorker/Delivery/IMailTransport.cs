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
    /// Hands the stored bytes over. Throws <see cref="PermanentDeliveryException"/> when retrying cannot help and
    /// <see cref="TransientDeliveryException"/> when a later attempt may succeed.
    /// </summary>
    Task<Handover> SendAsync(QueuedMessage message, CancellationToken ct);
}

/// <summary>Where a message went, and who of its recipients the server refused for good while it took the rest.</summary>
public sealed record Handover(string Where, IReadOnlyList<RefusedRecipient> Refused);

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
