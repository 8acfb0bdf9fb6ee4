using ReportWorker.Storage;

namespace ReportWorker.Delivery;

/// <summary>
/// Writes each message as one .eml file. The name comes from the outbox id, so a message delivered
/// again after a crash finds its file already there and is not written twice.
/// </summary>
public sealed class PickupFolderTransport(DataPaths paths) : IMailTransport
{
    public bool ResendIsHarmless => true;

    public IMailSession OpenSession() => new Session(paths);

    private sealed class Session(DataPaths paths) : IMailSession
    {
        public Task EnsureConnectedAsync(CancellationToken ct) => Task.CompletedTask;

        public Task<Handover> SendAsync(QueuedMessage message, IReadOnlyList<string> recipients, CancellationToken ct)
        {
            var name = $"{message.Id:D6}-{message.Kind}{(message.UnitCode is null ? "" : "-" + message.UnitCode)}.eml";
            var path = Path.Combine(paths.Outbox, name);
            if (!File.Exists(path)) AtomicFile.Write(path, message.Mime, overwrite: false);
            // One file per message: a later transaction for a deferred recipient (none here: the folder defers no one) finds it written.
            return Task.FromResult(new Handover(path, recipients, [], [], Transacted: true));
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
