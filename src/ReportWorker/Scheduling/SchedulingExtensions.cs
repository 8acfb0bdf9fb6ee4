using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Quartz;
using ReportWorker.Delivery;
using ReportWorker.Intake;

namespace ReportWorker.Scheduling;

public static class SchedulingExtensions
{
    /// <summary>The unattended service: Quartz runs intake and delivery on their intervals.</summary>
    public static IHostApplicationBuilder AddReportWorkerSchedules(this IHostApplicationBuilder builder)
    {
        var intake = builder.Configuration.GetSection(IntakeOptions.SectionName).Get<IntakeOptions>() ?? new IntakeOptions();
        var mailbox = builder.Configuration.GetSection(MailboxOptions.SectionName).Get<MailboxOptions>() ?? new MailboxOptions();
        var mail = builder.Configuration.GetSection(MailOptions.SectionName).Get<MailOptions>() ?? new MailOptions();

        // Quartz resolves jobs from DI; registering them here lets ValidateOnBuild check their dependencies.
        builder.Services.AddTransient<IntakeJob>();
        builder.Services.AddTransient<OutboxJob>();
        builder.Services.AddTransient<MailboxIntakeJob>();
        builder.Services.AddQuartz(q =>
        {
            q.AddJob<IntakeJob>(j => j.WithIdentity(IntakeJob.Key));
            q.AddTrigger(t => t.ForJob(IntakeJob.Key).WithIdentity("intake-folder-interval", "reportworker").StartNow()
                .WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromSeconds(intake.IntervalSeconds)).RepeatForever()));
            if (mailbox.Enabled)
            {
                q.AddJob<MailboxIntakeJob>(j => j.WithIdentity(MailboxIntakeJob.Key));
                q.AddTrigger(t => t.ForJob(MailboxIntakeJob.Key).WithIdentity("intake-mailbox-interval", "reportworker").StartNow()
                    .WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromSeconds(intake.IntervalSeconds)).RepeatForever()));
            }
            q.AddJob<OutboxJob>(j => j.WithIdentity(OutboxJob.Key));
            q.AddTrigger(t => t.ForJob(OutboxJob.Key).WithIdentity("outbox-interval", "reportworker").StartNow()
                .WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromSeconds(mail.DeliveryIntervalSeconds)).RepeatForever()));
        });
        builder.Services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        return builder;
    }
}
