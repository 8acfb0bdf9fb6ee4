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

        public Task<Handover> SendAsync(QueuedMessage message, CancellationToken ct)
        {
            var name = $"{message.Id:D6}-{message.Kind}{(message.UnitCode is null ? "" : "-" + message.UnitCode)}.eml";
            var path = Path.Combine(paths.Outbox, name);
            if (!File.Exists(path)) AtomicFile.Write(path, message.Mime, overwrite: false);
            return Task.FromResult(new Handover(path, []));
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
