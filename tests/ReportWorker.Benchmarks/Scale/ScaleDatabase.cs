using Npgsql;

namespace ReportWorker.Benchmarks.Scale;

/// <summary>A PostgreSQL database made for one child run of <c>scale --postgres</c>, so runs never see each other's rows.</summary>
internal sealed class ScaleDatabase(string server, string name, string serverVersion)
{
    public string ConnectionString => new NpgsqlConnectionStringBuilder(server) { Database = name }.ToString();
    public string ServerVersion => serverVersion;

    public static ScaleDatabase Create(string server, int factor)
    {
        var name = $"rw_scale_{factor}x_{Guid.NewGuid():N}"[..24];
        using var c = new NpgsqlConnection(server);
        c.Open();
        using (var create = new NpgsqlCommand($"CREATE DATABASE {name}", c)) create.ExecuteNonQuery();
        return new ScaleDatabase(server, name, c.PostgreSqlVersion.ToString());
    }

    public void Drop()
    {
        NpgsqlConnection.ClearAllPools();
        using var c = new NpgsqlConnection(server);
        c.Open();
        using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", c);
        drop.ExecuteNonQuery();
    }
}
