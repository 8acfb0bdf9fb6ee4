using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using ReportWorker.Hosting;
using ReportWorker.Scheduling;

namespace ReportWorker.Calendar;

public static class CalendarServices
{
    /// <summary>
    /// The clock (real, or the rehearsal clock when Clock:SimulatedStart is set), the time zone, due dates and working
    /// days from the holiday data in the data folder, the daily check that the next year is there, and the start-up warning.
    /// </summary>
    public static IServiceCollection AddCalendar(this IServiceCollection services, IConfiguration configuration)
    {
        // TryAdd: a test or the demo registers its own clock, and nothing reads the clock before the container is built.
        services.TryAddSingleton(RehearsalClock.FromConfiguration(configuration));
        services.AddSettingsKeys<RehearsalClockSettings>("Clock");
        services.AddSettings<OrganizationOptions>(OrganizationOptions.SectionName);
        services.AddSingleton<IValidateOptions<OrganizationOptions>, TimeZoneValidator>();
        services.AddSettings<ReportingOptions>(ReportingOptions.SectionName);
        services.AddSingleton<HolidayCalendarFile>();
        services.AddSingleton<ReportingCalendar>();
        services.AddSingleton<CalendarReminder>();
        services.AddScheduledJob<CalendarCheckJob>();
        services.AddHostedService<CalendarStartupWarning>();
        return services;
    }
}

internal sealed class TimeZoneValidator : IValidateOptions<OrganizationOptions>
{
    public ValidateOptionsResult Validate(string? name, OrganizationOptions options)
    {
        try { TimeZoneInfo.FindSystemTimeZoneById(options.TimeZone); return ValidateOptionsResult.Success; }
        catch (TimeZoneNotFoundException) { return ValidateOptionsResult.Fail($"Organization:TimeZone“{options.TimeZone}”不是已知的时区名，应为 IANA 时区名，例如 Asia/Shanghai。"); }
    }
}
