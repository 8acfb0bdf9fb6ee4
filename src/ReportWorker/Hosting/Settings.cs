using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace ReportWorker.Hosting;

public static class Settings
{
    /// <summary>A section bound and checked before the container exists (for what must be configured then, like Quartz's job store).</summary>
    public static T BindValidated<T>(IConfiguration configuration, string section) where T : class, new()
    {
        var value = configuration.GetSection(section).Get<T>() ?? new T();
        var result = new NestedDataAnnotations<T>(section).Validate(null, value);
        if (result.Failed) throw new OptionsValidationException(section, typeof(T), result.Failures);
        return value;
    }
}
