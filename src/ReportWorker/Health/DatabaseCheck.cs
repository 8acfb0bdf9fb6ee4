using Microsoft.Extensions.Diagnostics.HealthChecks;
using ReportWorker.Ledger;

namespace ReportWorker.Health;

/// <summary>数据库: the ledger opens, answers, and its schema is the one this build expects.</summary>
internal sealed class DatabaseCheck(LedgerDatabase database, SchemaMigrator migrator) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct)
    {
        string where;
        using (var connection = database.Open())
            where = database.IsPostgres ? $"PostgreSQL {connection.DataSource}/{connection.Database}" : $"SQLite {connection.DataSource}";
        var schema = migrator.State();
        return Task.FromResult(schema switch
        {
            { Missing.Count: > 0 } => HealthCheckResult.Unhealthy(
                $"{where}：架构缺少版本 {string.Join("、", schema.Missing)}（本程序需要到 {schema.Latest}）。请检查数据库账号是否有建表权限，然后重新启动服务。"),
            { Unknown.Count: > 0 } => HealthCheckResult.Degraded(
                $"{where}：数据库已由更新版本的程序升级（架构版本 {string.Join("、", schema.Unknown)} 本程序不认识）。请运行与数据库相符的新版本程序。"),
            _ => HealthCheckResult.Healthy($"{where}，架构版本 {schema.Latest}（最新）"),
        });
    }
}
