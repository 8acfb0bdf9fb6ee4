using System.Data.Common;
using Dapper;
using ReportWorker.Storage;

namespace ReportWorker.Ledger;

/// <summary>
/// Named locks that every worker sharing the ledger respects: a lock file beside the SQLite ledger
/// (one machine), or a PostgreSQL advisory lock (every node of a cluster, and the command line on any
/// machine). Held until disposed; a worker that dies lets go with its process or its connection.
/// </summary>
public sealed class LedgerLocks(LedgerDatabase database, DataPaths paths)
{
    /// <summary>The lock, or null if another worker holds it now.</summary>
    public IDisposable? TryAcquire(string name)
    {
        if (!database.IsPostgres)
        {
            try { return new FileStream(Path.Combine(paths.Root, $".{name}.lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None); }
            catch (IOException) { return null; }
        }
        var connection = database.Open();
        if (connection.ExecuteScalar<bool>("SELECT pg_try_advisory_lock(@key)", new { key = Key(name) })) return new Held(connection);
        connection.Dispose();
        return null;
    }

    /// <summary>Waits for the lock (used where every worker must take its turn, such as installing the schedule).</summary>
    public IDisposable Acquire(string name, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            if (TryAcquire(name) is { } held) return held;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Another worker has held the '{name}' lock for more than {timeout}.");
            Thread.Sleep(100);
        }
    }

    public string Describe(string name) => database.IsPostgres ? $"advisory lock '{name}'" : Path.Combine(paths.Root, $".{name}.lock");

    // A stable 64-bit key from the name (string.GetHashCode differs between processes).
    private static long Key(string name) => BitConverter.ToInt64(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes("reportworker/" + name)));

    private sealed class Held(DbConnection connection) : IDisposable
    {
        // Closing the session releases an advisory lock; pooled connections must unlock explicitly first.
        public void Dispose()
        {
            try { connection.Execute("SELECT pg_advisory_unlock_all()"); }
            finally { connection.Dispose(); }
        }
    }
}
