using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ReportWorker.Hosting;
using ReportWorker.Scheduling;

namespace ReportWorker.Briefings;

public static class BriefingsServices
{
    /// <summary>The 月通报 and the 季督办: fonts, figures, documents, their mailing, and the two jobs that issue them.</summary>
    public static IServiceCollection AddBriefings(this IServiceCollection services)
    {
        services.AddSettings<DocumentFontsOptions>(DocumentFontsOptions.SectionName);
        services.AddSingleton<IValidateOptions<DocumentFontsOptions>, FontsValidator>();
        services.AddSettings<SupervisionOptions>(SupervisionOptions.SectionName);
        services.AddSettings<BriefingsOptions>(BriefingsOptions.SectionName);
        services.AddSettings<SigningOptions>(SigningOptions.SectionName);
        services.AddSingleton<IValidateOptions<SigningOptions>, SigningValidator>();
        services.AddSingleton<OfficeSigning>();
        services.AddSingleton<DocumentFonts>();
        services.AddSingleton<BriefingStore>();
        services.AddSingleton<BriefingService>();
        services.AddSingleton<SupervisionStore>();
        services.AddSingleton<QuarterlyService>();
        services.AddSingleton<BriefingMailer>();
        services.AddSingleton<BriefingPublisher>();
        services.AddScheduledJob<MonthlyNoticeJob>();
        services.AddScheduledJob<QuarterlyNoticeJob>();
        return services;
    }
}
