using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using ReportWorker.Intake;
using ReportWorker.Storage;

namespace ReportWorker.Health;

/// <summary>IMAP: the mailbox takes the login and its intake folder opens (read-only, nothing taken). No mailbox: folder intake only, which is a setting, not a fault.</summary>
internal sealed class MailboxCheck(IOptions<MailboxOptions> mailbox, IOptions<HealthOptions> options, DataPaths paths) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct)
    {
        var o = mailbox.Value;
        if (!o.Enabled) return HealthCheckResult.Healthy($"未设置收件邮箱（Intake:Mailbox:Host 为空）：只从文件夹 {paths.Inbox} 收取报表");
        var seconds = Math.Min(o.TimeoutSeconds, options.Value.MailTimeoutSeconds);
        var where = $"{o.Host}:{o.Port}";
        var probe = await MailboxProbe.ProbeAsync(o, TimeSpan.FromSeconds(seconds), ct);
        return probe switch
        {
            { FolderMissing: true } => HealthCheckResult.Unhealthy($"{where} 已登录（用户 {o.UserName}），但没有文件夹“{o.Folder}”。请检查 Intake:Mailbox:Folder。"),
            { Reached: true } => HealthCheckResult.Healthy($"{where} 已登录（用户 {o.UserName}），文件夹“{o.Folder}”中有 {probe.Messages} 封邮件（只读查看，未收取）"),
            { TimedOut: true } => HealthCheckResult.Unhealthy($"{where} 无法连接：{seconds} 秒内没有应答（已等待 {seconds} 秒）。请检查 Intake:Mailbox 设置、网络和防火墙。"),
            { LoginRefused: true } => HealthCheckResult.Unhealthy($"{where} 拒绝登录（用户 {o.UserName}）：{HealthVerdict.OneLine(probe.Failure)}。请检查 Intake:Mailbox:UserName 和密码（Intake__Mailbox__Password）。"),
            _ => HealthCheckResult.Unhealthy($"{where} 无法连接：{HealthVerdict.OneLine(probe.Failure)}（等待上限 {seconds} 秒）。请检查 Intake:Mailbox 设置、网络和邮件服务器。"),
        };
    }
}
