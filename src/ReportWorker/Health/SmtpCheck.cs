using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ReportWorker.Delivery;
using ReportWorker.Storage;

namespace ReportWorker.Health;

/// <summary>SMTP: the relay takes a connection and the login, as a delivery run would; nothing is sent. No relay: mail only lands in the pickup folder.</summary>
internal sealed class SmtpCheck(IOptions<MailOptions> mail, IOptions<HealthOptions> options, DataPaths paths, ILogger<SmtpTransport> logger) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct)
    {
        var smtp = mail.Value.Smtp;
        if (smtp.Host.Length == 0 && mail.Value.WriteToPickupFolder)
            return HealthCheckResult.Healthy($"按设置（Mail:WriteToPickupFolder）邮件只写入取件文件夹 {paths.Outbox}，不经邮件服务器发出。");
        if (smtp.Host.Length == 0)
            return HealthCheckResult.Degraded($"未设置邮件服务器（Mail:Smtp:Host 为空）：邮件只写入取件文件夹 {paths.Outbox}，不会真正发出。若有意如此，设置 Mail:WriteToPickupFolder 为 true。");
        var seconds = Math.Min(smtp.TimeoutSeconds, options.Value.MailTimeoutSeconds);
        var where = $"{smtp.Host}:{smtp.Port}";
        var probe = await SmtpProbe.ProbeAsync(smtp, TimeSpan.FromSeconds(seconds), logger, ct);
        return probe switch
        {
            { Reached: true } => HealthCheckResult.Healthy(smtp.UserName.Length > 0
                ? $"{where} 已连接并登录（用户 {smtp.UserName}，{smtp.Security}），未发送任何邮件"
                : $"{where} 已连接（{smtp.Security}，未设置用户名，不登录），未发送任何邮件"),
            { TimedOut: true } => HealthCheckResult.Unhealthy($"{where} 无法连接：{seconds} 秒内没有应答（已等待 {seconds} 秒）。请检查 Mail:Smtp 设置、网络和防火墙。"),
            { LoginRefused: true } => HealthCheckResult.Unhealthy($"{where} 拒绝登录（用户 {smtp.UserName}）：{HealthVerdict.OneLine(probe.Failure)}。请检查 Mail:Smtp:UserName 和密码（Mail__Smtp__Password）。"),
            _ => HealthCheckResult.Unhealthy($"{where} 无法连接：{HealthVerdict.OneLine(probe.Failure)}（等待上限 {seconds} 秒）。请检查 Mail:Smtp 设置、网络和邮件服务器。"),
        };
    }
}
