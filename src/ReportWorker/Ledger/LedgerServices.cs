using Microsoft.Extensions.DependencyInjection;

namespace ReportWorker.Ledger;

public static class LedgerServices
{
    /// <summary>The ledger database, its schema, locks, submissions and status. The schema is migrated by whoever starts first: a command, or the service's start-up.</summary>
    public static IServiceCollection AddLedger(this IServiceCollection services)
    {
        services.AddSingleton<LedgerDatabase>();
        services.AddSingleton<LedgerBackup>();
        services.AddSingleton<LedgerLocks>();
        services.AddSingleton<SchemaMigrator>();
        services.AddSingleton<SubmissionStore>();
        services.AddSingleton<TaskBooks>();
        services.AddSingleton<LedgerStatus>();
        return services;
    }
}
