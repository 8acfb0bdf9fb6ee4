using Microsoft.Extensions.DependencyInjection;
using ReportWorker.Hosting;

namespace ReportWorker.Registry;

public static class RegistryServices
{
    /// <summary>The unit registry and the yearly task lists: their store, importers and retirement.</summary>
    public static IServiceCollection AddRegistry(this IServiceCollection services)
    {
        services.AddSettings<RegistryOptions>(RegistryOptions.SectionName);
        services.AddSingleton<RegistryStore>();
        services.AddSingleton<UnitImporter>();
        services.AddSingleton<TaskImporter>();
        services.AddSingleton<TaskRetirement>();
        return services;
    }
}
