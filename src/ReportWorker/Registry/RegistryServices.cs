using Microsoft.Extensions.DependencyInjection;
using ReportWorker.Hosting;

namespace ReportWorker.Registry;

public static class RegistryServices
{
    /// <summary>The unit registry and the yearly task lists: their store, importers, retirement, and the start-up warning for a year without a list.</summary>
    public static IServiceCollection AddRegistry(this IServiceCollection services)
    {
        services.AddSettings<RegistryOptions>(RegistryOptions.SectionName);
        services.AddSingleton<RegistryStore>();
        services.AddSingleton<UnitImporter>();
        services.AddSingleton<TaskImporter>();
        services.AddSingleton<TaskRetirement>();
        services.AddHostedService<TaskListStartupWarning>();
        return services;
    }
}
