namespace ReportWorker.Delivery;

/// <summary>
/// Answers the one question SMTP cannot: did the relay accept a message whose sending was cut off
/// (the worker died after the DATA phase began but before it recorded the 250 reply)? Each message
/// carries the journal mailbox as an extra envelope recipient, so the relay's copy of it appears
/// there under the same Message-Id when, and only when, the relay accepted it.
/// </summary>
public interface IDeliveryJournal
{
    /// <summary>True if a copy with this Message-Id has arrived, false if not, null if there is no journal to ask.</summary>
    Task<bool?> HasArrivedAsync(string messageId, CancellationToken ct);
}
