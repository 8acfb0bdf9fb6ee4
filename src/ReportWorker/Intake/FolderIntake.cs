using ReportWorker.Hosting;
using System.Runtime.ExceptionServices;
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
            // Files are hashed, archived and checked on every core, ahead of this loop, which records them one by
            // one in arrival order: whether a file repeats an earlier one, and which version of a unit's form is
            // the newest, depend on the files before it.
            var prepared = Pending(settle).AsParallel().AsOrdered()
                .WithDegreeOfParallelism(Environment.ProcessorCount)
                .WithCancellation(ct)
                .Select(Prepare);
            foreach (var (path, file, error) in prepared)
            {
                ct.ThrowIfCancellationRequested();
                var name = Path.GetFileName(path);
                try
                {
                    if (error is not null) ExceptionDispatchInfo.Throw(error);
                    var outcome = intake.Record(file!);
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

    // An exception is carried to the recording loop, so that it is handled there, in order, like one from recording.
    private (string Path, PreparedFile? File, Exception? Error) Prepare(string path)
    {
        var name = Path.GetFileName(path);
        try { return (path, intake.Prepare(new IncomingFile(path, name, IncomingFile.Folder, name)), null); }
        catch (Exception ex) { return (path, null, ex); }
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
