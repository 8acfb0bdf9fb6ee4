using ReportWorker.Hosting;
using Microsoft.Extensions.Logging;
using ReportWorker.Storage;

namespace ReportWorker.Intake;

/// <summary>
/// Processes the inbox folder: for each file, archive → check → record → move to processed/ or
/// rejected/ → mark finished. One intake at a time (a ledger lock), so the CLI and the service never
/// race for the same file.
/// </summary>
public sealed class FolderIntake(DataPaths paths, IntakeService intake, ReceivedFileStore received, Ledger.LedgerLocks locks, ILogger<FolderIntake> logger)
{
    public IReadOnlyList<IntakeOutcome> ProcessInbox(TimeSpan settle, CancellationToken ct = default)
    {
        var lockFile = locks.TryAcquire("intake");
        if (lockFile is null) { IntakeLog.Busy(logger, locks.Describe("intake")); return []; }

        using (lockFile)
        {
            ReconcileMoved();
            var outcomes = new List<IntakeOutcome>();
            foreach (var path in Pending(settle))
            {
                ct.ThrowIfCancellationRequested();
                var name = Path.GetFileName(path);
                try
                {
                    var outcome = intake.Process(new IncomingFile(path, name, IncomingFile.Folder, name));
                    CrashPoints.Hit("before-move");
                    MoveOut(path, outcome);
                    CrashPoints.Hit("after-move");
                    intake.Finish(outcome.ReceivedFileId);
                    outcomes.Add(outcome);
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    IntakeLog.Failed(logger, ex, name);
                }
            }
            return outcomes;
        }
    }

    /// <summary>Files waiting in the inbox, oldest first; skips partial copies and lock files.</summary>
    public IEnumerable<string> Pending(TimeSpan settle)
    {
        var cutoff = DateTime.UtcNow - settle;
        return new DirectoryInfo(paths.Inbox).EnumerateFiles()
            .Where(f => !f.Name.StartsWith('.') && !f.Name.StartsWith("~$", StringComparison.Ordinal)
                        && f.Extension is not (".tmp" or ".part" or ".crdownload" or ".partial"))
            .Where(f => settle <= TimeSpan.Zero || f.LastWriteTimeUtc <= cutoff)
            .OrderBy(f => f.LastWriteTimeUtc).ThenBy(f => f.Name, StringComparer.Ordinal)
            .Select(f => f.FullName).ToArray();
    }

    private void MoveOut(string path, IntakeOutcome outcome)
    {
        var folder = outcome.IsAccepted ? paths.InboxProcessed : paths.InboxRejected;
        var target = Path.Combine(folder, $"{outcome.ReceivedFileId:D6}_{Archive.SafeName(Path.GetFileName(path))}");
        if (File.Exists(target)) File.Delete(path); // moved before, copy reappeared: the archive has the bytes
        else File.Move(path, target);
    }

    // A crash after the move but before "finished" leaves a row that no inbox file will ever finish.
    private void ReconcileMoved()
    {
        foreach (var row in received.Unfinished(IncomingFile.Folder))
            if (!File.Exists(Path.Combine(paths.Inbox, row.SourceRef)))
                received.MarkFinished(row.Id);
    }
}
