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

/// <summary>Delivers what is due in the outbox (SMTP, or the pickup folder).</summary>
[DisallowConcurrentExecution]
public sealed class OutboxJob(OutboxSender sender) : IJob
{
    public static readonly JobKey Key = new("outbox-delivery", "reportworker");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken ct) => await sender.DeliverDueAsync(ct);
}
