using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.Options;

namespace ReportWorker.Storage;

/// <summary>PostgreSQL needs a connection string, and its password never sits in a settings file.</summary>
internal sealed class DatabaseSettingsValidator(IConfiguration configuration) : IValidateOptions<DataOptions>
{
    public ValidateOptionsResult Validate(string? name, DataOptions options)
    {
        if (options.Provider != DatabaseProvider.Postgres) return ValidateOptionsResult.Success;
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
            return ValidateOptionsResult.Fail("Data:ConnectionString is empty but Data:Provider is Postgres. Set it, e.g. \"Host=db.example;Port=5432;Database=reportworker;Username=reportworker\".");
        Npgsql.NpgsqlConnectionStringBuilder builder;
        try { builder = new Npgsql.NpgsqlConnectionStringBuilder(options.ConnectionString); }
        catch (ArgumentException ex) { return ValidateOptionsResult.Fail($"Data:ConnectionString is not a PostgreSQL connection string: {ex.Message}"); }
        if (configuration is IConfigurationRoot root)
            foreach (var provider in root.Providers.OfType<JsonConfigurationProvider>().Where(p => p.Source.Path is not "secrets.json"))
                if ((provider.TryGet("Data:Password", out var p) && !string.IsNullOrEmpty(p))
                    || (provider.TryGet("Data:ConnectionString", out var cs) && cs is not null && new Npgsql.NpgsqlConnectionStringBuilder(cs).Password is { Length: > 0 }))
                    return ValidateOptionsResult.Fail($"The database password is set in {provider.Source.Path}. Put it in the environment variable Data__Password or in user secrets, never in a settings file.");
        return builder.Host is { Length: > 0 } ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail("Data:ConnectionString has no Host.");
    }
}
