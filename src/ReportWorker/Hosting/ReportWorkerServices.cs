using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ReportWorker.Assessment;
using ReportWorker.Briefings;
using ReportWorker.Calendar;
using ReportWorker.Delivery;
using ReportWorker.Forms;
using ReportWorker.Health;
using ReportWorker.Intake;
using ReportWorker.Ledger;
using ReportWorker.Registry;
using ReportWorker.Reminders;
using ReportWorker.Scheduling;
using ReportWorker.Storage;

namespace ReportWorker.Hosting;

public static class ReportWorkerServices
{
    /// <summary>
    /// Every feature, for the service and the commands alike. Each registers its own services, settings
    /// and jobs; none reads another's registrations, so the order below is only for the reader.
    /// </summary>
    public static IHostApplicationBuilder AddReportWorker(this IHostApplicationBuilder builder)
    {
        builder.Services
            .AddCalendar(builder.Configuration)
            .AddStorage()
            .AddLedger()
            .AddRegistry()
            .AddScheduling()
            .AddForms()
            .AddIntake()
            .AddDelivery()
            .AddReminders()
            .AddBriefings()
            .AddAssessment()
            .AddHealth();
        builder.Services.AddSingleton<ConfigurationReview>();
        builder.Services.AddHostedService<SettingsStartupReport>();
        return builder;
    }
}
