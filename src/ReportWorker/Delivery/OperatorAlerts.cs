using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ReportWorker.Calendar;

namespace ReportWorker.Delivery;

/// <summary>
/// Tells the operators, in one e-mail, about every message that is stuck (still not sent after
/// Mail:AlertAfterAttempts), failed, or was refused for some of its recipients, each message once.
/// The alert is itself an outbox message (kind alert), so it goes out when the server is back.
/// </summary>
public sealed class OperatorAlerts(OutboxStore outbox, EmailTemplates templates, IOptions<MailOptions> mail,
    IOptions<OrganizationOptions> organization, ILogger<OperatorAlerts> logger)
{
    /// <summary>Queues one alert naming every message not named in an alert before; returns how many it names (0: nothing queued).</summary>
    public int QueueIfNeeded()
    {
        var problems = outbox.QueueAlert(mail.Value.AlertAfterAttempts, Compose);
        if (problems.Count > 0)
            DeliveryLog.AlertQueued(logger, problems.Count, organization.Value.OperatorEmail, string.Join(",", problems.Select(p => p.Id)));
        return problems.Count;
    }

    private OutgoingMessage Compose(string key, IReadOnlyList<OutboxEntry> problems)
    {
        var smtp = mail.Value.Smtp;
        var (subject, html, text) = templates.Render("delivery-alert", new
        {
            organization.Value.Office,
            Count = problems.Count,
            Server = smtp.Host.Length > 0 ? $"{smtp.Host}:{smtp.Port}" : "（未配置 SMTP，邮件写入发件夹）",
            FirstId = problems[0].Id,
            Rows = problems.Select(p => new
            {
                p.Id, Kind = MessageKinds.Chinese(p.Kind), Unit = p.UnitCode ?? "", p.Recipients, p.Subject,
                Problem = p.Status switch
                {
                    OutboxState.Failed => $"发送失败，已停止重试（共尝试 {p.Attempts} 次）",
                    OutboxState.Sent => "已发给其他收件人，部分收件人被拒收",
                    _ => $"已尝试 {p.Attempts} 次仍未发出，系统仍在自动重试",
                },
                Error = (p.Status == OutboxState.Sent ? p.RefusedRecipients : p.LastError ?? p.RefusedRecipients) ?? "",
            }).ToArray(),
        });
        var to = new Recipient(organization.Value.Office, organization.Value.OperatorEmail);
        return new OutgoingMessage(key, MessageKinds.Alert, null, [to], subject, html, text, []);
    }
}
