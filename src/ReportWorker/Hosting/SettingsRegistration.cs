using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ReportWorker.Hosting;

/// <summary>A settings section this worker reads, and the class that says which keys it has: what <see cref="SettingsChecker"/> checks the files against.</summary>
public sealed record SettingsSection(string Path, Type Shape);

public static class SettingsRegistration
{
    /// <summary>
    /// Binds one feature's settings section and checks it, nested objects and list items included,
    /// when the host starts; a bad value stops start-up with the full key named.
    /// </summary>
    public static OptionsBuilder<T> AddSettings<T>(this IServiceCollection services, string section) where T : class
    {
        services.AddSettingsKeys<T>(section);
        services.AddSingleton<IValidateOptions<T>>(new NestedDataAnnotations<T>(section));
        return services.AddOptions<T>().BindConfiguration(section).ValidateOnStart();
    }

    /// <summary>Declares a section read some other way (before the container exists), so its keys are still checked for typos.</summary>
    public static IServiceCollection AddSettingsKeys<T>(this IServiceCollection services, string section)
    {
        services.AddSingleton(new SettingsSection(section, typeof(T)));
        return services;
    }
}
