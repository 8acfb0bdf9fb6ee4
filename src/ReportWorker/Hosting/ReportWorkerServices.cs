using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using ReportWorker.Calendar;
using ReportWorker.Delivery;
using ReportWorker.Forms;
using ReportWorker.Intake;
using ReportWorker.Ledger;
using ReportWorker.Registry;
using ReportWorker.Storage;
using ReportWorker.Text;

namespace ReportWorker.Hosting;

public static class ReportWorkerServices
{
    /// <summary>Everything the commands and the service share: options, ledger, registry, forms, intake, delivery.</summary>
    public static IHostApplicationBuilder AddReportWorker(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        AddOptions<DataOptions>(services, DataOptions.SectionName);
        AddOptions<OrganizationOptions>(services, OrganizationOptions.SectionName);
        AddOptions<ReportingOptions>(services, ReportingOptions.SectionName);
        AddOptions<RegistryOptions>(services, RegistryOptions.SectionName);
        AddOptions<IntakeOptions>(services, IntakeOptions.SectionName);
        AddOptions<MailboxOptions>(services, MailboxOptions.SectionName);
        AddOptions<MailOptions>(services, MailOptions.SectionName);
        AddOptions<Briefings.DocumentFontsOptions>(services, Briefings.DocumentFontsOptions.SectionName);
        AddOptions<Briefings.SupervisionOptions>(services, Briefings.SupervisionOptions.SectionName);
        AddOptions<Briefings.BriefingsOptions>(services, Briefings.BriefingsOptions.SectionName);
        AddOptions<Scheduling.ScheduleOptions>(services, Scheduling.ScheduleOptions.SectionName);
        AddOptions<Reminders.ReminderOptions>(services, Reminders.ReminderOptions.SectionName);
        services.AddSingleton<IValidateOptions<Scheduling.ScheduleOptions>, Scheduling.ScheduleOptionsValidator>();
        services.AddSingleton<IValidateOptions<Briefings.DocumentFontsOptions>, Briefings.FontsValidator>();
        services.AddSingleton<IValidateOptions<MailOptions>, SecretsNotInFileValidator>();
        services.AddSingleton<IValidateOptions<MailOptions>, MailOptionsValidator>();
        services.AddSingleton<IValidateOptions<OrganizationOptions>, TimeZoneValidator>();
        services.AddSingleton<IValidateOptions<DataOptions>, DataFolderValidator>();
        services.AddSingleton<IValidateOptions<DataOptions>, DatabaseSettingsValidator>();
        services.AddSingleton<IValidateOptions<MailboxOptions>, MailboxOptionsValidator>();

        services.TryAddSingleton(Calendar.RehearsalClock.FromConfiguration(builder.Configuration));
        services.AddSingleton<DataPaths>();
        services.AddSingleton(sp => new LiquidTemplates(sp.GetRequiredService<DataPaths>().Templates));
        services.AddSingleton(sp => WorkingCalendar.Load(Path.Combine(sp.GetRequiredService<DataPaths>().Templates, "calendar", "holidays.json")));
        services.AddSingleton<ReportingCalendar>();

        services.AddSingleton<LedgerDatabase>();
        services.AddSingleton<LedgerLocks>();
        services.AddSingleton<SchemaMigrator>();
        services.AddHostedService<LedgerMigrationService>();
        services.AddSingleton<RegistryStore>();
        services.AddSingleton<UnitImporter>();
        services.AddSingleton<TaskImporter>();
        services.AddSingleton<SubmissionStore>();
        services.AddSingleton<LedgerStatus>();

        services.AddSingleton<Briefings.DocumentFonts>();
        services.AddSingleton<Briefings.BriefingStore>();
        services.AddSingleton<Briefings.BriefingService>();
        services.AddSingleton<Briefings.SupervisionStore>();
        services.AddSingleton<Briefings.QuarterlyService>();
        services.AddSingleton<Briefings.BriefingMailer>();
        services.AddSingleton<FormLayoutProvider>();
        services.AddSingleton<FormService>();
        services.AddSingleton<Reminders.ReminderService>();
        services.AddSingleton<Scheduling.SchedulePlanner>();
        services.AddSingleton<Scheduling.JobRunStore>();
        services.AddSingleton<Scheduling.JobRunner>();
        services.AddSingleton<Scheduling.JobFailureAlert>();

        services.AddSingleton<Archive>();
        services.AddSingleton<ReceivedFileStore>();
        services.AddSingleton<FormValidator>();
        services.AddSingleton<ReceiptComposer>();
        services.AddSingleton<IntakeService>();
        services.AddSingleton<FolderIntake>();
        services.AddSingleton<MailboxStore>();
        services.AddSingleton<MailboxIntake>();

        services.AddSingleton<EmailTemplates>();
        services.AddSingleton<MessageBuilder>();
        services.AddSingleton<OutboxStore>();
        services.AddSingleton<OutboxAdmin>();
        services.AddSingleton<OperatorAlerts>();
        services.AddSingleton<SendRateLimiter>();
        services.AddSingleton<SenderIdentity>();
        services.AddSingleton<OutboxSender>();
        services.AddSingleton<IMailTransport>(sp => sp.GetRequiredService<IOptions<MailOptions>>().Value.Smtp.Host.Length > 0
            ? ActivatorUtilities.CreateInstance<SmtpTransport>(sp)
            : ActivatorUtilities.CreateInstance<PickupFolderTransport>(sp));
        // With a mailbox, the relay's journal copies settle cut-off messages; without one they are resent under their Message-Id.
        services.AddSingleton<IDeliveryJournal>(sp => sp.GetRequiredService<IOptions<MailboxOptions>>().Value.Enabled
                && sp.GetRequiredService<IOptions<MailOptions>>().Value.JournalAddress.Length > 0
            ? ActivatorUtilities.CreateInstance<MailboxJournal>(sp)
            : new NoDeliveryJournal());
        return builder;
    }

    private static void AddOptions<T>(IServiceCollection services, string section) where T : class =>
        services.AddOptions<T>().BindConfiguration(section).ValidateDataAnnotations().ValidateOnStart();
}

/// <summary>Brings the ledger schema up to date before anything else starts.</summary>
internal sealed class LedgerMigrationService(SchemaMigrator migrator) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) { migrator.Migrate(); return Task.CompletedTask; }
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

internal sealed class TimeZoneValidator : IValidateOptions<OrganizationOptions>
{
    public ValidateOptionsResult Validate(string? name, OrganizationOptions options)
    {
        try { TimeZoneInfo.FindSystemTimeZoneById(options.TimeZone); return ValidateOptionsResult.Success; }
        catch (TimeZoneNotFoundException) { return ValidateOptionsResult.Fail($"Organization:TimeZone '{options.TimeZone}' is not a known time zone (expected e.g. Asia/Shanghai)."); }
    }
}
