using Microsoft.Extensions.Options;
using ReportWorker.Calendar;
using ReportWorker.Delivery;
using ReportWorker.Registry;

namespace ReportWorker.Intake;

/// <summary>The answer to every file: 回执 to the unit's liaisons, or 退回 with every problem and its fix.</summary>
public sealed class ReceiptComposer(EmailTemplates templates, ReportingCalendar calendar, IOptions<OrganizationOptions> organization, IOptions<MailOptions> mail)
{
    public OutgoingMessage Receipt(long receivedFileId, Unit unit, FormCheck check, string fileName, DateTimeOffset receivedAt, int version)
    {
        var model = new
        {
            UnitName = unit.Name,
            MonthCn = check.Month!.Value.ToChinese(),
            FileName = fileName,
            ReceivedAt = ReportingCalendar.Chinese(calendar.ToLocal(receivedAt)),
            check.Late,
            Version = version,
            Counts = check.Entries.GroupBy(e => e.Status).OrderBy(g => Ledger.ReportStatus.All.ToList().IndexOf(g.Key)).Select(g => new { Status = g.Key, Count = g.Count() }).ToArray(),
            Warnings = check.Warnings.Select(w => new { w.Where, w.Message }).ToArray(),
            Entries = check.Entries.Select(e => new { Code = e.TaskCode, e.Status, Percent = e.Percent.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture) }).ToArray(),
            organization.Value.Office,
            ReplyTo = mail.Value.FromAddress,
        };
        var (subject, html, text) = templates.Render("receipt", model);
        return new OutgoingMessage($"receipt/{receivedFileId}", "receipt", unit.Code, Liaisons(unit), subject, html, text, []);
    }

    /// <summary>A rejection goes to the unit when the file says which unit it is; otherwise to the sender, or the office.</summary>
    public OutgoingMessage Rejection(long receivedFileId, Unit? unit, FormCheck check, string fileName, DateTimeOffset receivedAt, string? sender)
    {
        var model = new
        {
            UnitName = unit?.Name ?? "报送单位",
            MonthCn = check.Month?.ToChinese() ?? "",
            FileName = fileName,
            ReceivedAt = ReportingCalendar.Chinese(calendar.ToLocal(receivedAt)),
            Problems = check.Errors.Select(p => new { p.Where, p.Message, p.Fix }).ToArray(),
            organization.Value.Office,
            ReplyTo = mail.Value.FromAddress,
        };
        var (subject, html, text) = templates.Render("rejection", model);
        IReadOnlyList<Recipient> to = sender is not null ? [Recipient.Parse(sender)]
            : unit is not null ? Liaisons(unit)
            : [new Recipient(organization.Value.Office, organization.Value.OperatorEmail)];
        var message = new OutgoingMessage($"rejection/{receivedFileId}", "rejection", unit?.Code, to, subject, html, text, []);
        // The office sees what could not be attributed, so nothing is silently dropped.
        return unit is null && sender is not null
            ? message with { Cc = [new Recipient(organization.Value.Office, organization.Value.OperatorEmail)] }
            : message;
    }

    /// <summary>A message that carried no file to take in: say what arrived and how to send the form.</summary>
    public OutgoingMessage NoAttachment(long mailboxMessageId, Unit? unit, string sender, string subject, DateTimeOffset receivedAt, MailContents contents)
    {
        var what = contents.Forwarded ? "转发的邮件中没有附件"
            : contents.EmbeddedImages > 0 ? "邮件中只有插入正文的图片，没有附件"
            : "邮件中没有附件";
        var model = new
        {
            UnitName = unit?.Name ?? "您好",
            Subject = subject.Length > 0 ? subject : "（无主题）",
            ReceivedAt = ReportingCalendar.Chinese(calendar.ToLocal(receivedAt)),
            What = what,
            organization.Value.Office,
            ReplyTo = mail.Value.FromAddress,
        };
        var (subjectLine, html, text) = templates.Render("no-attachment", model);
        return new OutgoingMessage($"no-attachment/{mailboxMessageId}", "rejection", unit?.Code, [Recipient.Parse(sender)], subjectLine, html, text, []);
    }

    /// <summary>
    /// A form (or objection) whose sender the receiving server did not verify. It goes to the addresses the unit registered
    /// and to the office, never to the From address: that is the one nobody vouched for.
    /// </summary>
    public OutgoingMessage SenderUnverified(long mailboxMessageId, Unit unit, string sender, string subject, DateTimeOffset receivedAt,
        SenderVerdict verdict, string server, IReadOnlyList<string> files, bool objection)
    {
        var model = new
        {
            UnitName = unit.Name,
            Sender = sender,
            Domain = SenderAuthentication.DomainOf(sender),
            Subject = subject.Length > 0 ? subject : "（无主题）",
            ReceivedAt = ReportingCalendar.Chinese(calendar.ToLocal(receivedAt)),
            Files = string.Join("、", files),
            Objection = objection,
            Server = server,
            verdict.Found,
            verdict.Results,
            Liaisons = string.Join("、", unit.Liaisons.Select(l => l.Email)),
            organization.Value.Office,
            ReplyTo = mail.Value.FromAddress,
        };
        var (subjectLine, html, text) = templates.Render("sender-unverified", model);
        // Kind "rejection", as the no-attachment answer: it is a 退回, and a reply to it without a file forgot the form.
        return new OutgoingMessage($"sender-unverified/{mailboxMessageId}", "rejection", unit.Code, Liaisons(unit), subjectLine, html, text, [])
        {
            Cc = [new Recipient(organization.Value.Office, organization.Value.OperatorEmail)],
        };
    }

    private static IReadOnlyList<Recipient> Liaisons(Unit unit) =>
        unit.Liaisons.Select(l => new Recipient(l.Name, l.Email)).ToArray();
}
