using Microsoft.Extensions.DependencyInjection;
using ReportWorker.Scheduling;

namespace ReportWorker.Forms;

public static class FormsServices
{
    /// <summary>The monthly forms: their layout, the service that writes and sends them, and the job that does it on the 25th.</summary>
    public static IServiceCollection AddForms(this IServiceCollection services)
    {
        services.AddSingleton<FormLayoutProvider>();
        services.AddSingleton<FormService>();
        services.AddScheduledJob<FormsJob>();
        return services;
    }
}
