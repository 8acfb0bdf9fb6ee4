namespace ReportWorker.Delivery;

/// <summary>
/// Where an outbox message is: pending → sending → sent, or failed. Pending and sending may go back to
/// pending (a retry); failed goes back to pending only when the operator retries it.
/// </summary>
public enum OutboxState { Pending, Sending, Sent, Failed }

/// <summary>The one mapping between <see cref="OutboxState"/> and the text stored in outbox.status.</summary>
public static class OutboxStates
{
    // Constants, so the store's SQL stays constant text with the literal in it (the same statements, the same plans, as before).
    // Write them qualified: inside OutboxStore a bare {Sending} is its Sending() method, and interpolates as a delegate's name.
    internal const string Pending = "pending";
    internal const string Sending = "sending";
    internal const string Sent = "sent";
    internal const string Failed = "failed";

    public static IReadOnlyList<OutboxState> All { get; } = [OutboxState.Pending, OutboxState.Sending, OutboxState.Sent, OutboxState.Failed];

    public static string ToStored(this OutboxState state) => state switch
    {
        OutboxState.Pending => Pending,
        OutboxState.Sending => Sending,
        OutboxState.Sent => Sent,
        OutboxState.Failed => Failed,
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, "Not an outbox state."),
    };

    public static OutboxState FromStored(string stored) => stored switch
    {
        Pending => OutboxState.Pending,
        Sending => OutboxState.Sending,
        Sent => OutboxState.Sent,
        Failed => OutboxState.Failed,
        _ => throw new InvalidDataException($"outbox.status holds \"{stored}\", which is not an outbox state ({string.Join(", ", All.Select(ToStored))})."),
    };
}
