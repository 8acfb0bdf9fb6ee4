using ReportWorker.Storage;
using System.Reflection;
using Dapper;
using Microsoft.Extensions.Logging;

namespace ReportWorker.Ledger;

/// <summary>
/// Applies the numbered SQL scripts embedded under Ledger/Migrations, each once, in order, each in
/// its own transaction, and records them in schema_migrations.
/// </summary>
public sealed class SchemaMigrator(LedgerDatabase database, ILogger<SchemaMigrator> logger)
{
    public int Migrate()
    {
        using var connection = database.Open();
        connection.Execute("""
            CREATE TABLE IF NOT EXISTS schema_migrations (
                version    INTEGER PRIMARY KEY,
                name       TEXT NOT NULL,
                applied_at TEXT NOT NULL)
            """);
        var applied = connection.Query<long>("SELECT version FROM schema_migrations").ToHashSet();
        var count = 0;
        foreach (var (version, name, sql) in Scripts())
        {
            if (applied.Contains(version)) continue;
            using var transaction = connection.BeginTransaction();
            connection.Execute(sql, transaction: transaction);
            connection.Execute(
                "INSERT INTO schema_migrations(version, name, applied_at) VALUES (@version, @name, @at)",
                new { version, name, at = DateTimeOffset.UtcNow.Stored() }, transaction);
            transaction.Commit();
            LedgerLog.MigrationApplied(logger, version, name);
            count++;
        }
        return count;
    }

    internal static IEnumerable<(long Version, string Name, string Sql)> Scripts()
    {
        var assembly = typeof(SchemaMigrator).Assembly;
        const string prefix = "ReportWorker.Ledger.Migrations.";
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            var name = resource[prefix.Length..^".sql".Length];
            var version = long.Parse(name.AsSpan(0, name.IndexOf('_')), System.Globalization.CultureInfo.InvariantCulture);
            using var reader = new StreamReader(assembly.GetManifestResourceStream(resource)!);
            yield return (version, name, reader.ReadToEnd());
        }
    }
}
