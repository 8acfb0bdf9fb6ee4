using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.Options;
using ReportWorker.Hosting;

namespace ReportWorker.Storage;

/// <summary>PostgreSQL needs a connection string, and its password never sits in a plain settings file.</summary>
internal sealed class DatabaseSettingsValidator(IConfiguration configuration) : IValidateOptions<DataOptions>
{
    public ValidateOptionsResult Validate(string? name, DataOptions options)
    {
        if (options.Provider != DatabaseProvider.Postgres) return ValidateOptionsResult.Success;
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
            return ValidateOptionsResult.Fail("Data:Provider 为 Postgres，但 Data:ConnectionString 为空。请填写，例如 \"Host=db.example;Port=5432;Database=reportworker;Username=reportworker\"。");
        Npgsql.NpgsqlConnectionStringBuilder builder;
        try { builder = new Npgsql.NpgsqlConnectionStringBuilder(options.ConnectionString); }
        catch (ArgumentException ex) { return ValidateOptionsResult.Fail($"Data:ConnectionString 不是 PostgreSQL 连接字符串：{ex.Message}"); }
        if (configuration is IConfigurationRoot root)
            foreach (var provider in root.Providers.OfType<JsonConfigurationProvider>().Where(p => !SettingSource.IsSecretStore(p)))
                if ((provider.TryGet("Data:Password", out var p) && !string.IsNullOrEmpty(p))
                    || (provider.TryGet("Data:ConnectionString", out var cs) && cs is not null && new Npgsql.NpgsqlConnectionStringBuilder(cs).Password is { Length: > 0 }))
                    return ValidateOptionsResult.Fail($"数据库密码写在了 {SettingSource.FilePath(provider)} 中。{SettingSource.SecretAdvice("Data:Password")}");
        return builder.Host is { Length: > 0 } ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail("Data:ConnectionString 中没有 Host（数据库服务器地址）。");
    }
}
