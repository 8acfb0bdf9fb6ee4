using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ReportWorker.Calendar;
using ReportWorker.Hosting;

namespace ReportWorker.Delivery;

/// <summary>
/// Tells the operators, in one e-mail, about every message that is stuck (its transaction still failing after
/// Mail:AlertAfterAttempts) or failed, and every recipient that has waited Mail:RecipientWaitAlertHours, or was
/// refused, bounced or given up: each once, naming the unit, the address, the server's own words and the one
/// command that puts it right. The alert is itself an outbox message (kind alert), so it goes out when the server is back.
/// </summary>
public sealed class OperatorAlerts(OutboxStore outbox, EmailTemplates templates, IOptions<MailOptions> mail,
    IOptions<OrganizationOptions> organization, ILogger<OperatorAlerts> logger)
{
    /// <summary>Queues one alert naming every message and recipient not named before; returns how many it names (0: nothing queued).</summary>
    public int QueueIfNeeded()
    {
        var (messages, recipients) = outbox.QueueAlert(mail.Value.AlertAfterAttempts, TimeSpan.FromHours(mail.Value.RecipientWaitAlertHours), Compose);
        var count = messages.Count + recipients.Count;
        if (count > 0)
            DeliveryLog.AlertQueued(logger, count, organization.Value.OperatorEmail,
                string.Join(",", messages.Select(p => $"#{p.Id}").Concat(recipients.Select(r => $"#{r.OutboxId}:{r.Address}"))));
        return count;
    }

    private OutgoingMessage Compose(string key, IReadOnlyList<OutboxEntry> messages, IReadOnlyList<RecipientAlert> recipients)
    {
        var smtp = mail.Value.Smtp;
        var (subject, html, text) = templates.Render("delivery-alert", new
        {
            organization.Value.Office,
            Count = messages.Count + recipients.Count,
            Server = smtp.Host.Length > 0 ? $"{smtp.Host}:{smtp.Port}" : "（未配置 SMTP，邮件写入发件夹）",
            Command = CommandName.Value,
            FirstId = messages.Count > 0 ? messages[0].Id : 0,
            Rows = messages.Select(p => new
            {
                p.Id, Kind = MessageKinds.Chinese(p.Kind), Unit = p.UnitCode ?? "", p.Recipients, p.Subject,
                Problem = p.Status == OutboxState.Failed ? $"发送失败，已停止重试（共尝试 {p.Attempts} 次）" : $"已尝试 {p.Attempts} 次仍未发出，系统仍在自动重试",
                Error = p.LastError ?? "",
            }).ToArray(),
            Recipients = recipients.Select(r => new
            {
                r.OutboxId, Kind = MessageKinds.Chinese(r.Kind), r.Subject, r.Address,
                Unit = r.UnitName is null ? "（非联络员地址）" : $"{r.UnitName}（{r.UnitCode}）",
                Problem = r.Status switch
                {
                    RecipientState.Deferred => $"对方服务器暂拒，已等待超过 {mail.Value.RecipientWaitAlertHours} 小时，系统仍在自动重试（最长 {mail.Value.RecipientLifetimeHours} 小时）",
                    RecipientState.Refused => "被对方服务器拒收",
                    RecipientState.Bounced => "对方服务器接收后退信",
                    _ => $"对方服务器持续暂拒，已重试 {mail.Value.RecipientLifetimeHours} 小时，已放弃",
                },
                Said = r.LastReply ?? "",
                Fix = r.UnitCode is null
                    ? $"核对地址后运行 {CommandName.Value} outbox retry {r.OutboxId}"
                    : $"地址有误的：更正单位名录中该单位的联络员邮箱后运行 {CommandName.Value} import units 单位名录.xlsx，未送达的邮件会自动改发新地址；地址无误（如邮箱已满）的：请联络员清理邮箱后运行 {CommandName.Value} outbox retry {r.OutboxId}",
            }).ToArray(),
        });
        var to = new Recipient(organization.Value.Office, organization.Value.OperatorEmail);
        return new OutgoingMessage(key, MessageKinds.Alert, null, [to], subject, html, text, []);
    }
}
