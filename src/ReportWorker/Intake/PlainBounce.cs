using System.Text.RegularExpressions;
using MimeKit;

namespace ReportWorker.Intake;

/// <summary>
/// Bounces that are not RFC 3464 DSNs, read from their text as qmail, Exim, older Exchange and many webmail systems write
/// them: a notice naming the recipients that failed (or X-Failed-Recipients), the remote server's words, and the original
/// message attached or quoted below a line such as "--- Below this line is a copy of the message." The original's
/// Message-Id comes from the attached message, or from a quoted Message-ID line (ours preferred when several are quoted).
/// </summary>
internal static partial class PlainBounce
{
    public static bool LooksLikeOne(MimeMessage message)
    {
        var sender = MailParts.SenderAddress(message) ?? "";
        var local = sender[..Math.Max(0, sender.IndexOf('@'))];
        if (local.Equals("MAILER-DAEMON", StringComparison.OrdinalIgnoreCase) || local.Equals("postmaster", StringComparison.OrdinalIgnoreCase)) return true;
        if (message.Headers.Contains("X-Failed-Recipients")) return true;
        // Auto-replies are sent with a null Return-Path too (RFC 3834): only a bounce's subject makes one a bounce.
        return message.Headers[HeaderId.ReturnPath]?.Trim() == "<>" && BounceSubject().IsMatch(message.Subject ?? "");
    }

    public static DeliveryReport? Read(MimeMessage message, string ownSuffix)
    {
        var text = message.TextBody is { Length: > 0 } plain ? plain : message.HtmlBody is { Length: > 0 } html ? ReplyText.FromHtml(html) : "";
        text = text.ReplaceLineEndings("\n");
        var cut = QuotedStart().Match(text) is { Success: true } q ? q.Index : text.Length;
        var notice = text[..cut];
        var quoted = text[cut..];
        var original = message.BodyParts.OfType<MessagePart>().Select(p => p.Message).FirstOrDefault(m => m is not null);
        var messageId = original?.MessageId is { Length: > 0 } id ? id : QuotedMessageId(quoted.Length > 0 ? quoted : text, ownSuffix);

        // Neither the report's own addresses nor the postmaster's are the recipient that failed.
        var excluded = message.From.Mailboxes.Concat(message.To.Mailboxes).Concat(message.Cc.Mailboxes)
            .Select(m => m.Address.ToLowerInvariant()).ToHashSet();
        var candidates = message.Headers["X-Failed-Recipients"] is { } failed
            ? Addresses(failed).ToList()
            : Addresses(notice).Where(a => !excluded.Contains(a) && !IsRobot(a)).ToList();
        // Where the original's recipients are known, a failed recipient is one of them (a notice also names hosts' contacts).
        var recipientsOfOriginal = original is not null
            ? original.To.Mailboxes.Concat(original.Cc.Mailboxes).Select(m => m.Address.ToLowerInvariant()).ToHashSet()
            : QuotedRecipients().Matches(quoted).SelectMany(m => Addresses(m.Groups[1].Value)).ToHashSet();
        if (candidates.Any(recipientsOfOriginal.Contains)) candidates = candidates.Where(recipientsOfOriginal.Contains).ToList();

        var recipients = new List<ReportedRecipient>();
        foreach (var address in candidates)
        {
            var segment = Segment(notice, address, candidates);
            var status = Status(segment) ?? Status(notice) ?? "";
            var action = DeliveryReport.ActionOf(status);
            // "This is a permanent error; I've given up": whatever the last attempt said, delivery has ended.
            if (action == "delayed" && GaveUp().IsMatch(notice)) action = "failed";
            if (action.Length == 0) continue;
            recipients.Add(new ReportedRecipient(address, action, status, DeliveryReport.Diagnostic(segment.TrimStart('>', ':', ' ', '\n'))));
        }
        return recipients.Count == 0 ? null : new DeliveryReport(messageId, recipients, false);
    }

    /// <summary>The Message-Id a text quotes in a Message-ID line: ours when one is, else the first.</summary>
    public static string? QuotedMessageId(string text, string ownSuffix)
    {
        var ids = QuotedMessageIdLine().Matches(text).Select(m => m.Groups[1].Value.Trim()).ToArray();
        return ids.FirstOrDefault(i => i.EndsWith(ownSuffix, StringComparison.OrdinalIgnoreCase)) ?? ids.FirstOrDefault();
    }

    /// <summary>The notice's text about one recipient: from where it is named to where another is, or 600 characters.</summary>
    private static string Segment(string notice, string address, IReadOnlyList<string> all)
    {
        var start = notice.IndexOf(address, StringComparison.OrdinalIgnoreCase);
        if (start < 0) return "";
        start += address.Length;
        var end = all.Where(a => a != address).Select(a => notice.IndexOf(a, start, StringComparison.OrdinalIgnoreCase)).Where(i => i >= 0).DefaultIfEmpty(notice.Length).Min();
        return notice[start..Math.Min(end, start + 600)];
    }

    /// <summary>An enhanced status code; else one from an SMTP reply code; else from the words; null when the text says neither.</summary>
    private static string? Status(string text)
    {
        if (DeliveryReport.StatusCode().Match(text) is { Success: true } enhanced) return enhanced.Value;
        if (ReplyCode().Match(text) is { Success: true } reply) return $"{reply.Groups[1].Value}.0.0";
        if (DelayWords().IsMatch(text)) return "4.0.0";
        if (FailureWords().IsMatch(text)) return "5.0.0";
        return null;
    }

    private static IEnumerable<string> Addresses(string text) =>
        EmailAddress().Matches(text).Select(m => m.Value.ToLowerInvariant()).Distinct();

    private static bool IsRobot(string address) =>
        address.StartsWith("mailer-daemon@", StringComparison.Ordinal) || address.StartsWith("postmaster@", StringComparison.Ordinal);

    [GeneratedRegex(@"[A-Za-z0-9._%+=\-]+@[A-Za-z0-9\-]+(\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}")]
    private static partial Regex EmailAddress();

    [GeneratedRegex(@"^[ \t>]*Message-I[Dd][ \t]*:[ \t]*<?([^\s<>]+@[^\s<>]+?)>?[ \t]*$", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex QuotedMessageIdLine();

    [GeneratedRegex(@"^[ \t>]*(?:To|Cc)[ \t]*:(.*)$", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex QuotedRecipients();

    [GeneratedRegex(@"^[ \t]*-*[ \t]*(Below this line is a copy of the message|This is a copy of the message|Original message headers|Original message follows|-+ ?Original Message|Unsent message below|Returned mail text follows|原始邮件|原邮件|退信原文)|^(Return-Path|Received|Message-I[Dd])[ \t]*:", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex QuotedStart();

    [GeneratedRegex(@"\b([45])\d\d[\s\-]")]
    private static partial Regex ReplyCode();

    [GeneratedRegex(@"delayed|will (continue to )?(retry|try)|still (being retried|trying)|not yet been delivered|延迟|仍在尝试|将继续尝试", RegexOptions.IgnoreCase)]
    private static partial Regex DelayWords();

    [GeneratedRegex(@"permanent|fatal|undeliverable|could ?n[o']t be delivered|was ?n[o']t able to deliver|unable to deliver|delivery (has )?failed|user unknown|no such user|does not exist|mailbox unavailable|退信|无法投递|投递失败|未能送达|发送失败|不存在", RegexOptions.IgnoreCase)]
    private static partial Regex FailureWords();

    [GeneratedRegex(@"permanent error|given up|giving up|gave up|too long|放弃", RegexOptions.IgnoreCase)]
    private static partial Regex GaveUp();

    [GeneratedRegex(@"undeliver|returned mail|delivery status notification|delivery (failure|failed|has failed)|failure notice|mail delivery failed|non-?deliver|退信|投递失败|未送达|无法送达|发送失败", RegexOptions.IgnoreCase)]
    private static partial Regex BounceSubject();
}
