namespace ReportWorker.Delivery;

/// <summary>
/// Answers the one question SMTP cannot: did the relay accept a transaction whose sending was cut off (the worker
/// died after the DATA phase began but before it recorded the 250 reply)? Each transaction carries the journal
/// mailbox as an extra envelope recipient, so the relay's copy appears there under the message's Message-Id when,
/// and only when, the relay accepted it: one copy per transaction, so a message sent to a deferred recipient in a
/// second transaction is told apart from the first by the number of copies.
/// </summary>
public interface IDeliveryJournal
{
    /// <summary>
    /// How many copies with this Message-Id have arrived, looking a while for <paramref name="expected"/> of them (the
    /// relay's last copy may still be on its way); null if there is no journal to ask.
    /// </summary>
    Task<int?> CountArrivedAsync(string messageId, int expected, CancellationToken ct);

    /// <summary>True if a copy with this Message-Id has arrived, false if not, null if there is no journal to ask.</summary>
    async Task<bool?> HasArrivedAsync(string messageId, CancellationToken ct) => await CountArrivedAsync(messageId, 1, ct) is { } n ? n > 0 : null;
}
