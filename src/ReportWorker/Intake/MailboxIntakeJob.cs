using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ReportWorker.Scheduling;

namespace ReportWorker.Intake;

/// <summary>Every two minutes: the messages waiting in the intake mailbox, when one is configured.</summary>
public sealed class MailboxIntakeJob(MailboxIntake mailbox, IOptions<MailboxOptions> options, ILogger<MailboxIntakeJob> logger) : IScheduledJob
{
    public string Name => "intake-mailbox";
    public string Title => "收取邮箱中的报表";
    public FirePeriod Period => FirePeriod.None;

    public async Task<string> RunAsync(JobPeriod period, bool force, CancellationToken ct)
    {
        if (!mailbox.Enabled) return "未配置收件邮箱（Intake:Mailbox:Host）";
        try
        {
            var messages = await mailbox.ProcessAsync(ct);
            return $"邮件 {messages.Count} 封，附件 {messages.Sum(m => m.Files.Count)} 个（登记 {messages.Sum(m => m.Files.Count(f => f.IsAccepted))}）";
        }
        catch (Exception ex) when (MailboxIntake.IsTransient(ex) && !ct.IsCancellationRequested)
        {
            // The server is down or unreachable: nothing was taken, the next run tries again.
            var o = options.Value;
            MailboxLog.Unreachable(logger, o.Host, o.Port, ex.Message);
            return $"收件邮箱 {o.Host}:{o.Port} 暂时无法连接";
        }
    }
}
