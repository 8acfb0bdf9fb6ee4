using ReportWorker.Scheduling;

namespace ReportWorker.Delivery;

/// <summary>Every 30 seconds: the messages that are due, over one SMTP session.</summary>
public sealed class OutboxJob(OutboxSender sender) : IScheduledJob
{
    public string Name => "outbox";
    public string Title => "发送邮件";
    public FirePeriod Period => FirePeriod.None;

    public async Task<string> RunAsync(JobPeriod period, bool force, CancellationToken ct)
    {
        var sent = await sender.DeliverDueAsync(ct);
        return $"发出 {sent.Sent}，待重试 {sent.Retried}，失败 {sent.Failed}";
    }
}
