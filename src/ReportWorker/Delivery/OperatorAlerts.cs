using Dapper;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ReportWorker.Calendar;
using ReportWorker.Ledger;
using ReportWorker.Storage;

namespace ReportWorker.Delivery;

/// <summary>
/// Tells the operators, in one e-mail, about every message that is stuck (still not sent after
/// Mail:AlertAfterAttempts), failed, or was refused for some of its recipients, each message once.
/// The alert is itself an outbox message (kind alert), so it goes out when the server is back.
/// </summary>
public sealed class OperatorAlerts(LedgerDatabase database, OutboxStore outbox, EmailTemplates templates, IOptions<MailOptions> mail,
    IOptions<OrganizationOptions> organization, TimeProvider clock, ILogger<OperatorAlerts> logger)
{
    private sealed record Problem(long Id, string Kind, string? UnitCode, string Recipients, string Subject, string Status, long Attempts, string? LastError, string? RefusedRecipients);

    /// <summary>Queues one alert naming every message not named in an alert before; returns how many it names (0: nothing queued).</summary>
    public int QueueIfNeeded() => database.InTransaction((c, tx) =>
    {
        // In one write transaction, so two workers cannot both alert about the same messages.
        var problems = c.Query<Problem>("""
            SELECT id AS Id, kind AS Kind, unit_code AS UnitCode, recipients AS Recipients, subject AS Subject, status AS Status,
                   attempts AS Attempts, last_error AS LastError, refused_recipients AS RefusedRecipients
            FROM outbox
            WHERE kind <> @alert AND alerted_at IS NULL
              AND ((status IN ('pending', 'sending') AND attempts >= @after) OR status = 'failed' OR (status = 'sent' AND refused_recipients IS NOT NULL))
            ORDER BY id
            """, new { alert = MessageKinds.Alert, after = mail.Value.AlertAfterAttempts }, tx).ToArray();
        if (problems.Length == 0) return 0;
        // Each alert adds a row, so the next free id keys each alert apart even when the same messages are alerted again after a retry.
        var key = $"alert/{c.ExecuteScalar<long>("SELECT COALESCE(MAX(id), 0) + 1 FROM outbox", transaction: tx)}";
        outbox.Enqueue(c, tx, Compose(key, problems));
        var now = clock.GetUtcNow().Stored();
        c.Execute("UPDATE outbox SET alerted_at = @now WHERE id = @Id", problems.Select(p => new { now, p.Id }), tx);
        DeliveryLog.AlertQueued(logger, problems.Length, organization.Value.OperatorEmail, string.Join(",", problems.Select(p => p.Id)));
        return problems.Length;
    });

    private OutgoingMessage Compose(string key, IReadOnlyList<Problem> problems)
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
                    "failed" => $"发送失败，已停止重试（共尝试 {p.Attempts} 次）",
                    "sent" => "已发给其他收件人，部分收件人被拒收",
                    _ => $"已尝试 {p.Attempts} 次仍未发出，系统仍在自动重试",
                },
                Error = (p.Status == "sent" ? p.RefusedRecipients : p.LastError ?? p.RefusedRecipients) ?? "",
            }).ToArray(),
        });
        var to = new Recipient(organization.Value.Office, organization.Value.OperatorEmail);
        return new OutgoingMessage(key, MessageKinds.Alert, null, [to], subject, html, text, []);
    }
}
