using Microsoft.Extensions.DependencyInjection;
using ReportWorker.Hosting;
using ReportWorker.Scheduling;

namespace ReportWorker.Assessment;

public static class AssessmentServices
{
    /// <summary>The 年考核: its 细则 and the office's entries, the facts from the ledger, the documents, their mailing, and its two jobs; the objections the mailbox records.</summary>
    public static IServiceCollection AddAssessment(this IServiceCollection services)
    {
        services.AddSettings<AssessmentOptions>(AssessmentOptions.SectionName);
        services.AddSingleton<OfficeEntries>();
        services.AddSingleton<AssessmentObjections>();
        services.AddSingleton<AssessmentLedger>();
        services.AddSingleton<AssessmentService>();
        services.AddSingleton<AssessmentMailer>();
        services.AddSingleton<AssessmentPublisher>();
        services.AddScheduledJob<AssessmentDraftJob>();
        services.AddScheduledJob<AssessmentFinalJob>();
        return services;
    }
}
