using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;

namespace ReportWorker.Intake;

/// <summary>
/// Applies Intake:Mailbox:SenderPolicy to a message that would be taken in (it carries files, or is an objection):
/// the From address of a form is what makes it a unit's form, and anyone can write any From address. The receiving
/// server (Intake:Mailbox:AuthServId) checked SPF, DKIM and DMARC; <see cref="SenderAuthentication"/> reads its verdict.
/// </summary>
public sealed class SenderCheck(IOptions<MailboxOptions> options, ILogger<SenderCheck> logger)
{
    /// <summary>The verdict when the message must not be taken in (Require, not verified); null when it may be.</summary>
    public SenderVerdict? Refusal(MimeMessage message, string messageId, string sender)
    {
        var o = options.Value;
        if (!o.VerifiesSenders) return null;
        var verdict = SenderAuthentication.Evaluate(message.Headers, o.AuthServId, sender);
        if (verdict.Verified) return null;
        // No result at all from the trusted server most likely means Intake:Mailbox:AuthServId does not match what it writes.
        if (!verdict.Found) MailboxLog.NoAuthenticationResults(logger, messageId, o.AuthServId);
        if (o.EffectiveSenderPolicy == SenderPolicy.Warn)
        {
            MailboxLog.SenderUnverifiedAccepted(logger, messageId, sender, o.AuthServId, verdict.Results);
            return null;
        }
        MailboxLog.SenderUnverifiedRefused(logger, messageId, sender, o.AuthServId, verdict.Results);
        return verdict;
    }

    /// <summary>What <c>jobs</c> prints when mailbox senders are not verified; null when they are, or there is no mailbox.</summary>
    public static string? NotVerifiedWarning(MailboxOptions o) =>
        !o.Enabled || o.VerifiesSenders ? null
        : o.AuthServId.Length == 0
            ? $"注意：未设置 {MailboxOptions.SectionName}:AuthServId，收件邮箱中报表的发件人不经核验（SPF/DKIM/DMARC），冒用联络员邮箱地址发来的报表也会被登记。请填写收件服务器在 Authentication-Results 头中使用的标识（authserv-id）。"
            : $"注意：{MailboxOptions.SectionName}:SenderPolicy 为 Off，收件邮箱中报表的发件人不经核验，冒用联络员邮箱地址发来的报表也会被登记。";
}
