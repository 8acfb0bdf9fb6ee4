using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ReportWorker.Delivery;
using ReportWorker.Hosting;
using ReportWorker.Scheduling;

namespace ReportWorker.Intake;

public static class IntakeServices
{
    /// <summary>Taking in returned forms from the inbox folder and the mailbox, answering each, and the mailbox's delivery journal.</summary>
    public static IServiceCollection AddIntake(this IServiceCollection services)
    {
        services.AddSettings<IntakeOptions>(IntakeOptions.SectionName);
        services.AddSettings<MailboxOptions>(MailboxOptions.SectionName);
        services.AddSingleton<IValidateOptions<MailboxOptions>, MailboxOptionsValidator>();
        services.AddSingleton<Archive>();
        services.AddSingleton<ReceivedFileStore>();
        services.AddSingleton<FormValidator>();
        services.AddSingleton<ReceiptComposer>();
        services.AddSingleton<IntakeService>();
        services.AddSingleton<FolderIntake>();
        services.AddSingleton<MailboxStore>();
        // The objections register belongs to the assessment; it is registered here, where replies are read, to
        // leave AddAssessment as it is. Registering it there too would do no harm (the last registration wins).
        services.AddSingleton<ObjectionComposer>();
        services.AddSingleton<ObjectionReplies>();
        services.AddSingleton<SenderCheck>();
        // Needs Delivery's IBounceRecorder, which AddDelivery registers.
        services.AddSingleton<MailboxBounces>();
        services.AddSingleton<MailboxIntake>();
        services.AddSingleton<IDeliveryJournal, MailboxJournal>();
        services.AddScheduledJob<FolderIntakeJob>();
        services.AddScheduledJob<MailboxIntakeJob>();
        return services;
    }
}
