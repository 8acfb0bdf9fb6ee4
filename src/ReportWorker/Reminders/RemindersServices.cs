using Microsoft.Extensions.DependencyInjection;
using ReportWorker.Hosting;
using ReportWorker.Scheduling;

namespace ReportWorker.Reminders;

public static class RemindersServices
{
    /// <summary>催报: from the due day, each working morning, to the units whose form has not arrived.</summary>
    public static IServiceCollection AddReminders(this IServiceCollection services)
    {
        services.AddSettings<ReminderOptions>(ReminderOptions.SectionName);
        services.AddSingleton<ReminderService>();
        services.AddScheduledJob<RemindersJob>();
        return services;
    }
}
