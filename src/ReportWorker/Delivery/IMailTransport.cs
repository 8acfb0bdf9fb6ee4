namespace ReportWorker.Delivery;

/// <summary>Where queued messages go: an SMTP server, or the pickup folder.</summary>
public interface IMailTransport
{
    /// <summary>Delivers the stored bytes; returns where they went. Throws <see cref="PermanentDeliveryException"/> when retrying cannot help.</summary>
    Task<string> DeliverAsync(QueuedMessage message, CancellationToken ct);
}

public sealed class PermanentDeliveryException(string message, Exception? inner = null) : Exception(message, inner);
