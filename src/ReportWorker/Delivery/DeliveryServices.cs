using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ReportWorker.Hosting;
using ReportWorker.Scheduling;

namespace ReportWorker.Delivery;

public static class DeliveryServices
{
    /// <summary>The outbox, the e-mail templates, the transport (SMTP, or the pickup folder) and the job that delivers every 30 seconds.</summary>
    public static IServiceCollection AddDelivery(this IServiceCollection services)
    {
        services.AddSettings<MailOptions>(MailOptions.SectionName);
        services.AddSingleton<IValidateOptions<MailOptions>, SecretsNotInFileValidator>();
        services.AddSingleton<IValidateOptions<MailOptions>, MailOptionsValidator>();
        services.AddSingleton<EmailTemplates>();
        services.AddSingleton<MessageBuilder>();
        services.AddSingleton<OutboxStore>();
        services.AddSingleton<IBounceRecorder>(sp => sp.GetRequiredService<OutboxStore>());
        services.AddSingleton<OutboxAdmin>();
        services.AddSingleton<OperatorAlerts>();
        services.AddSingleton<SendRateLimiter>();
        services.AddSingleton<SenderIdentity>();
        services.AddSingleton<OutboxSender>();
        services.AddSingleton<IMailTransport, ConfiguredTransport>();
        services.AddScheduledJob<OutboxJob>();
        return services;
    }
}
