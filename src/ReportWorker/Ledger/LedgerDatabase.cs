using System.Data;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Npgsql;
using ReportWorker.Storage;

namespace ReportWorker.Ledger;

/// <summary>
/// Opens connections to the ledger: a SQLite file under Data:Root (the default), or PostgreSQL when
/// Data:Provider is Postgres. The SQL the stores write runs on both; the schema is brought up to date
/// once, at start.
/// </summary>
public sealed class LedgerDatabase(DataPaths paths, IOptions<DataOptions> options) : IDisposable
{
    private string? _sqlite;
    private NpgsqlDataSource? _postgres;
    private readonly Lock _gate = new();

    public bool IsPostgres => options.Value.Provider == DatabaseProvider.Postgres;

    /// <summary>The connection string Quartz's job store uses for the same database.</summary>
    public string ConnectionString => IsPostgres ? PostgresConnectionString(options.Value) : SqliteConnectionString;

    private string SqliteConnectionString => _sqlite ??= new SqliteConnectionStringBuilder
    {
        DataSource = paths.DatabaseFile,
        Mode = SqliteOpenMode.ReadWriteCreate,
        Cache = SqliteCacheMode.Private,
        Pooling = true,
        DefaultTimeout = 30,
    }.ToString();

    public static string PostgresConnectionString(DataOptions o)
    {
        var builder = new NpgsqlConnectionStringBuilder(o.ConnectionString);
        if (o.Password.Length > 0) builder.Password = o.Password;
        return builder.ToString();
    }

    public DbConnection Open()
    {
        if (IsPostgres) return DataSource().OpenConnection();
        var connection = new SqliteConnection(SqliteConnectionString);
        connection.Open();
        using var pragma = connection.CreateCommand();
        // WAL keeps readers and the single writer apart; foreign keys are off by default in SQLite.
        pragma.CommandText = "PRAGMA journal_mode=WAL; PRAGMA foreign_keys=ON; PRAGMA synchronous=FULL; PRAGMA busy_timeout=30000;";
        pragma.ExecuteNonQuery();
        return connection;
    }

    /// <summary>
    /// One unit of work. SQLite serialises writers anyway; on PostgreSQL read-committed is enough because
    /// every claim the stores make is a conditional UPDATE or an INSERT guarded by a unique key.
    /// </summary>
    public T InTransaction<T>(Func<DbConnection, IDbTransaction, T> work)
    {
        using var connection = Open();
        using var transaction = connection.BeginTransaction(IsPostgres ? IsolationLevel.ReadCommitted : IsolationLevel.Serializable);
        var result = work(connection, transaction);
        transaction.Commit();
        return result;
    }

    private NpgsqlDataSource DataSource()
    {
        lock (_gate) return _postgres ??= NpgsqlDataSource.Create(PostgresConnectionString(options.Value));
    }

    public void Dispose() => _postgres?.Dispose();
}
