using System.Text.RegularExpressions;
using MimeKit;

namespace ReportWorker.Intake;

/// <summary>What a delivery report says about one recipient: the action (failed, delayed, delivered, relayed, expanded), the status code and the remote server's words.</summary>
public sealed record ReportedRecipient(string Address, string Action, string Status, string Diagnostic)
{
    public bool Failed => Action == "failed";
    public bool Delayed => Action == "delayed";
}

/// <summary>
/// A delivery report read from a message: the Message-Id of the message it is about (null when it names none) and what
/// happened for each recipient. <paramref name="Standard"/>: an RFC 3464 DSN, not a bounce read from its text.
/// </summary>
public sealed partial record DeliveryReport(string? MessageId, IReadOnlyList<ReportedRecipient> Recipients, bool Standard)
{
    public IReadOnlyList<ReportedRecipient> Failures => Recipients.Where(r => r.Failed).ToArray();

    /// <summary>
    /// The delivery report this message is, or null. A DSN (multipart/report; report-type=delivery-status) is read from its
    /// message/delivery-status part; anything else that looks like a bounce (from MAILER-DAEMON or postmaster, X-Failed-Recipients,
    /// or a null Return-Path with a bounce's subject) is read from its text, as <see cref="PlainBounce"/> does.
    /// <paramref name="ownSuffix"/> (".reportworker@domain") picks our own Message-Id where a text quotes several.
    /// </summary>
    public static DeliveryReport? Read(MimeMessage message, string ownSuffix)
    {
        var report = FindReport(message.Body);
        if (report?.OfType<MessageDeliveryStatus>().FirstOrDefault() is { } status && FromStatus(report, status, ownSuffix) is { } dsn)
            return dsn;
        return report is not null || PlainBounce.LooksLikeOne(message) ? PlainBounce.Read(message, ownSuffix) : null;
    }

    private static MultipartReport? FindReport(MimeEntity? entity) => entity switch
    {
        MultipartReport r when string.Equals(r.ReportType, "delivery-status", StringComparison.OrdinalIgnoreCase) => r,
        // Some relays wrap the report in a multipart/mixed with a notice of their own.
        Multipart m when !m.ContentType.IsMimeType("multipart", "report") => m.Select(FindReport).FirstOrDefault(r => r is not null),
        _ => null,
    };

    private static DeliveryReport? FromStatus(MultipartReport report, MessageDeliveryStatus status, string ownSuffix)
    {
        var recipients = new List<ReportedRecipient>();
        foreach (var group in status.StatusGroups)
        {
            // The first group is about the message (Reporting-MTA …); each further one is about a recipient.
            // Original-Recipient is the address we gave (RCPT TO); Final-Recipient may be where an alias led.
            var address = Address(group["Original-Recipient"]) ?? Address(group["Final-Recipient"]);
            if (address is null) continue;
            var code = StatusCode().Match(group["Status"] ?? "") is { Success: true } m ? m.Value : "";
            var action = FirstWord(group["Action"]) is { Length: > 0 } a ? a : ActionOf(code);
            recipients.Add(new ReportedRecipient(address, action, code, Diagnostic(group["Diagnostic-Code"])));
        }
        if (recipients.Count == 0) return null;
        // The returned message or its headers (message/rfc822, text/rfc822-headers); failing that, a Message-ID the notice quotes.
        var returned = report.OfType<MessagePart>().Select(p => p.Message?.MessageId).FirstOrDefault(id => !string.IsNullOrEmpty(id));
        return new DeliveryReport(returned ?? PlainBounce.QuotedMessageId(report.OfType<TextPart>().FirstOrDefault()?.Text ?? "", ownSuffix), recipients, true);
    }

    /// <summary>A DSN status with no Action: 5.x.x failed, 4.x.x delayed, 2.x.x delivered.</summary>
    internal static string ActionOf(string status) => status.FirstOrDefault() switch { '5' => "failed", '4' => "delayed", '2' => "delivered", _ => "" };

    /// <summary>"rfc822; a@b.cn" → a@b.cn.</summary>
    private static string? Address(string? field)
    {
        if (string.IsNullOrWhiteSpace(field)) return null;
        var value = field[(field.IndexOf(';') + 1)..].Trim().Trim('<', '>');
        return value.Contains('@') ? value : null;
    }

    /// <summary>"smtp; 550 5.1.1 …" → "550 5.1.1 …", on one line.</summary>
    internal static string Diagnostic(string? field)
    {
        if (string.IsNullOrWhiteSpace(field)) return "";
        var semicolon = field.IndexOf(';');
        var text = semicolon is > 0 and < 12 ? field[(semicolon + 1)..] : field;
        var line = Spaces().Replace(text, " ").Trim();
        return line.Length <= 500 ? line : line[..500];
    }

    private static string FirstWord(string? value) =>
        (value ?? "").Split([' ', '\t', ';', '('], StringSplitOptions.RemoveEmptyEntries).FirstOrDefault()?.ToLowerInvariant() ?? "";

    [GeneratedRegex(@"\b[245]\.\d{1,3}\.\d{1,3}\b")]
    internal static partial Regex StatusCode();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
