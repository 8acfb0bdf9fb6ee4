using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Quartz;
using ReportWorker.Delivery;
using ReportWorker.Intake;

namespace ReportWorker.Scheduling;

/// <summary>Looks at the inbox folder; whatever it takes in is answered by the outbox job.</summary>
[DisallowConcurrentExecution]
public sealed class IntakeJob(FolderIntake intake, IOptions<IntakeOptions> options) : IJob
{
    public static readonly JobKey Key = new("intake-folder", "reportworker");

    public ValueTask Execute(IJobExecutionContext context, CancellationToken ct)
    {
        intake.ProcessInbox(TimeSpan.FromSeconds(options.Value.SettleSeconds), ct);
        return ValueTask.CompletedTask;
    }
}

/// <summary>Reads the mailbox. An unreachable server is logged and tried again at the next interval.</summary>
[DisallowConcurrentExecution]
public sealed class MailboxIntakeJob(MailboxIntake intake, IOptions<MailboxOptions> options, ILogger<MailboxIntakeJob> logger) : IJob
{
    public static readonly JobKey Key = new("intake-mailbox", "reportworker");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken ct)
    {
        try
        {
            await intake.ProcessAsync(ct);
        }
        catch (Exception ex) when (MailboxIntake.IsTransient(ex) && !ct.IsCancellationRequested)
        {
            MailboxLog.Unreachable(logger, options.Value.Host, options.Value.Port, ex.Message);
        }
    }
}

/// <summary>Delivers what is due in the outbox (SMTP, or the pickup folder).</summary>
[DisallowConcurrentExecution]
public sealed class OutboxJob(OutboxSender sender) : IJob
{
    public static readonly JobKey Key = new("outbox-delivery", "reportworker");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken ct) => await sender.DeliverDueAsync(ct);
}
