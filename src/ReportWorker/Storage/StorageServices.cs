using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ReportWorker.Hosting;

namespace ReportWorker.Storage;

public static class StorageServices
{
    /// <summary>The data folder and the database settings.</summary>
    public static IServiceCollection AddStorage(this IServiceCollection services)
    {
        services.AddSettings<DataOptions>(DataOptions.SectionName);
        services.AddSingleton<IValidateOptions<DataOptions>, DataFolderValidator>();
        services.AddSingleton<IValidateOptions<DataOptions>, DatabaseSettingsValidator>();
        services.AddSingleton<DataPaths>();
        services.AddSingleton<Text.LiquidTemplates>();
        return services;
    }
}
