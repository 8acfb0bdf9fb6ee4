using System.Globalization;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using ReportWorker.Calendar;
using ReportWorker.Delivery;
using ReportWorker.Hosting;

namespace ReportWorker.Health;

/// <summary>
/// 发件箱: a relay outage the delivery recorded is 故障 (no alert can be mailed then); messages given up are 注意, or 故障
/// from Health:FailedMessagesCritical; messages stuck past Mail:AlertAfterAttempts, due but not taken for
/// Health:OutboxDueMinutes, or "being sent" past Mail:SendingStaleMinutes are 注意.
/// </summary>
internal sealed class OutboxCheck(OutboxStore outbox, IOptions<MailOptions> mail, IOptions<HealthOptions> options, ReportingCalendar calendar, TimeProvider clock) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var m = mail.Value;
        var o = options.Value;
        var b = outbox.Backlog(m.AlertAfterAttempts, now - TimeSpan.FromMinutes(o.OutboxDueMinutes), now - TimeSpan.FromMinutes(m.SendingStaleMinutes));
        var findings = new List<(HealthStatus Status, string Text)>();
        if (outbox.RelayStatus() is { } down)
            findings.Add((HealthStatus.Unhealthy, $"自 {Local(down.Since)} 起连不上邮件服务器（{HealthVerdict.OneLine(down.Error, 200)}），{down.Waiting} 封等待中，期间无法发出告警邮件"));
        if (b.Failed > 0)
            findings.Add((b.Failed >= o.FailedMessagesCritical ? HealthStatus.Unhealthy : HealthStatus.Degraded,
                $"{b.Failed} 封已放弃发送（最早 #{b.OldestFailedId}：{HealthVerdict.OneLine(b.OldestFailedError, 200)}）"));
        if (b.Overdue > 0)
            findings.Add((HealthStatus.Degraded, $"{b.Overdue} 封到期超过 {o.OutboxDueMinutes} 分钟仍未发出（最早应于 {Local(b.OldestOverdue)} 发出）：发送任务是否在运行？"));
        if (b.Stuck > 0)
            findings.Add((HealthStatus.Degraded, $"{b.Stuck} 封已尝试 {m.AlertAfterAttempts} 次以上仍未发出"));
        if (b.StaleSending > 0)
            findings.Add((HealthStatus.Degraded, $"{b.StaleSending} 封自 {Local(b.OldestSending)} 起停在“发送中”，超过 {m.SendingStaleMinutes} 分钟"));

        var counts = $"待发 {b.Pending} 封，发送中 {b.Sending} 封，失败 {b.Failed} 封";
        if (findings.Count == 0) return Task.FromResult(HealthCheckResult.Healthy(counts));
        var advice = $"运行 {CommandName.Value} outbox 查看{(b.Failed > 0 ? $"，{CommandName.Value} outbox retry --all-failed 重试" : "")}";
        return Task.FromResult(new HealthCheckResult(findings.Min(f => f.Status), $"{counts}：{string.Join("；", findings.Select(f => f.Text))}。{advice}。"));
    }

    private string Local(DateTimeOffset time) => ReportingCalendar.Chinese(calendar.ToLocal(time));

    private string Local(string? stored) => stored is null ? "" : Local(DateTimeOffset.Parse(stored, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind));
}
