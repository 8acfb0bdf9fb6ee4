using Microsoft.Data.Sqlite;

namespace ReportWorker.Benchmarks.Scale;

/// <summary>
/// Every 5 seconds: stops the run before the disk fills (the 月通报 goes to every unit, so the outbox grows
/// with units × tasks), and every 30 seconds says where the run is (files taken in, outbox rows, mails received).
/// </summary>
internal sealed class Watchdog : IDisposable
{
    private readonly Timer _timer;
    private readonly string _root;
    private readonly double _minFreeGb;
    private readonly LoopbackSmtpServer _smtp;
    private readonly Func<(string Stage, double Seconds)> _where;
    private readonly Action<string> _log;
    private readonly System.Diagnostics.Stopwatch _since = System.Diagnostics.Stopwatch.StartNew();

    public Watchdog(string root, double minFreeGb, LoopbackSmtpServer smtp, Func<(string Stage, double Seconds)> where, Action<string> log)
    {
        (_root, _minFreeGb, _smtp, _where, _log) = (root, minFreeGb, smtp, where, log);
        _timer = new Timer(_ => Check(), null, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(5));
    }

    public void Dispose() => _timer.Dispose();

    private void Check()
    {
        var free = new DriveInfo(_root).AvailableFreeSpace / 1e9;
        var (stage, seconds) = _where();
        if (free < _minFreeGb)
        {
            var reason = $"free disk space fell to {free:0.0} GB (limit {_minFreeGb} GB) during '{stage}' after {seconds:0} s; data folder {ScaleRun.FolderBytes(_root) / 1e9:0.0} GB; {OutboxRows()} rows in the outbox";
            ScaleReport.Emit(new { type = "abort", stage, reason, hwmKb = Proc.Kb("VmHWM") });
            _log("ABORT: " + reason);
            Environment.Exit(3); // the parent removes the data folder
        }
        if ((int)_since.Elapsed.TotalSeconds % 30 >= 5) return;
        long Size(string p) => File.Exists(p) ? new FileInfo(p).Length : 0;
        var db = Database;
        var (files, outbox, mails, hwm) = (Count(Path.Combine(_root, "data", "inbox", "processed")), OutboxRows(), _smtp.Messages, Proc.Kb("VmHWM"));
        _log($"  … {stage} {seconds:0} s; rss {Proc.Kb("VmRSS") / 1024} MB, peak {hwm / 1024} MB; ledger {(Size(db) + Size(db + "-wal")) / 1e6:0} MB; " +
             $"{files} files taken in; {outbox} in the outbox; smtp {mails} mails; disk free {free:0.0} GB");
        // The parent keeps the last of these, to say how far a stage it had to stop had got.
        ScaleReport.Emit(new { type = "progress", stage, seconds, files, mails, note = $"{files:N0} files taken in, {outbox:N0} rows in the outbox, {mails:N0} mails received", hwmKb = hwm });
    }

    private string Database => Path.Combine(_root, "data", "reportworker.db");

    private long OutboxRows()
    {
        if (!File.Exists(Database)) return 0;
        using var c = new SqliteConnection($"Data Source={Database};Mode=ReadOnly;Pooling=False");
        c.Open();
        using var command = c.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM outbox";
        try { return (long)command.ExecuteScalar()!; } catch (SqliteException) { return -1; }
    }

    private static int Count(string folder) => Directory.Exists(folder) ? Directory.EnumerateFiles(folder).Count() : 0;
}
