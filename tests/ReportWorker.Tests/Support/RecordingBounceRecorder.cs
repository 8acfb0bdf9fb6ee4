using System.Collections.Concurrent;
using System.Data;
using Dapper;
using ReportWorker.Delivery;

namespace ReportWorker.Tests.Support;

/// <summary>
/// A stand-in for Delivery's <see cref="IBounceRecorder"/>: keeps every call, and answers as the real one is specified to,
/// from the outbox in the caller's transaction: UnknownMessage for a Message-Id the worker never queued, UnknownRecipient for
/// an address the message did not go to, AlreadyRecorded for the same bounce twice, else Recorded. Intake tests register it
/// to see what intake hands over; <see cref="TestWorld"/> falls back to it while Delivery registers no recorder of its own.
/// </summary>
public sealed class RecordingBounceRecorder : IBounceRecorder
{
    private readonly ConcurrentDictionary<(string, string), bool> _seen = new();

    public ConcurrentQueue<Bounce> Calls { get; } = new();

    public BounceOutcome Record(IDbConnection connection, IDbTransaction transaction, Bounce bounce)
    {
        Calls.Enqueue(bounce);
        var recipients = connection.QueryFirstOrDefault<string>("SELECT recipients FROM outbox WHERE message_id = @id",
            new { id = bounce.MessageId.Trim().Trim('<', '>') }, transaction);
        if (recipients is null) return BounceOutcome.UnknownMessage;
        if (!recipients.Split(',', StringSplitOptions.TrimEntries).Contains(bounce.Recipient, StringComparer.OrdinalIgnoreCase)) return BounceOutcome.UnknownRecipient;
        return _seen.TryAdd((bounce.MessageId, bounce.Recipient.ToLowerInvariant()), true) ? BounceOutcome.Recorded : BounceOutcome.AlreadyRecorded;
    }
}
