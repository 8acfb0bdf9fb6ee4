using System.Data;
using Microsoft.Data.Sqlite;
using ReportWorker.Storage;

namespace ReportWorker.Ledger;

/// <summary>Opens connections to the ledger. The schema is brought up to date once, at start.</summary>
public sealed class LedgerDatabase(DataPaths paths)
{
    private string? _connectionString;

    public string ConnectionString => _connectionString ??= new SqliteConnectionStringBuilder
    {
        DataSource = paths.DatabaseFile,
        Mode = SqliteOpenMode.ReadWriteCreate,
        Cache = SqliteCacheMode.Private,
        Pooling = true,
        DefaultTimeout = 30,
    }.ToString();

    public SqliteConnection Open()
    {
        var connection = new SqliteConnection(ConnectionString);
        connection.Open();
        using var pragma = connection.CreateCommand();
        // WAL keeps readers and the single writer apart; foreign keys are off by default in SQLite.
        pragma.CommandText = "PRAGMA journal_mode=WAL; PRAGMA foreign_keys=ON; PRAGMA synchronous=FULL; PRAGMA busy_timeout=30000;";
        pragma.ExecuteNonQuery();
        return connection;
    }

    public T InTransaction<T>(Func<SqliteConnection, IDbTransaction, T> work)
    {
        using var connection = Open();
        using var transaction = connection.BeginTransaction(IsolationLevel.Serializable);
        var result = work(connection, transaction);
        transaction.Commit();
        return result;
    }
}
