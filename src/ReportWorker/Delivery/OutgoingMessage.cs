namespace ReportWorker.Delivery;

/// <summary>
/// A message to queue. <see cref="Key"/> names what it is about ("receipt/42", "form/2025-03/U01");
/// queuing the same key twice is a no-op, and the Message-Id is derived from it.
/// </summary>
public sealed record OutgoingMessage(
    string Key,
    string Kind,
    string? UnitCode,
    IReadOnlyList<Recipient> To,
    string Subject,
    string Html,
    string Text,
    IReadOnlyList<Attachment> Attachments)
{
    public IReadOnlyList<Recipient> Cc { get; init; } = [];
    /// <summary>Recipients who do not see each other (a circular); the relay gets them in the envelope only.</summary>
    public IReadOnlyList<Recipient> Bcc { get; init; } = [];
}

public sealed record Attachment(string FileName, string ContentType, byte[] Content);
