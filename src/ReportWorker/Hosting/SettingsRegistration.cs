using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ReportWorker.Hosting;

public static class SettingsRegistration
{
    /// <summary>
    /// Binds one feature's settings section and checks it, nested objects and list items included,
    /// when the host starts; a bad value stops start-up with the full key named.
    /// </summary>
    public static OptionsBuilder<T> AddSettings<T>(this IServiceCollection services, string section) where T : class
    {
        services.AddSingleton<IValidateOptions<T>>(new NestedDataAnnotations<T>(section));
        return services.AddOptions<T>().BindConfiguration(section).ValidateOnStart();
    }
}
