using Microsoft.Extensions.Options;
using ReportWorker.Calendar;
using ReportWorker.Delivery;

namespace ReportWorker.Intake;

/// <summary>
/// The two messages an objection makes: the office's copy (what was objected to, by whom, when, within the
/// deadline or not, the text, the original attached, and what to do next), and a short acknowledgement to the
/// sender. Neither is a 退回: the draft promised that a reply would be passed on, not rejected as a form.
/// </summary>
public sealed class ObjectionComposer(EmailTemplates templates, ReportingCalendar calendar, IOptions<OrganizationOptions> organization, IOptions<MailOptions> mail)
{
    public const string OfficeKind = "assessment-objection";
    public const string AcknowledgementKind = "assessment-objection-ack";

    public OutgoingMessage ToOffice(long id, ObjectionReply r, DateTimeOffset receivedAt, bool within, byte[] original)
    {
        var year = r.Window.Year;
        var eml = $"异议原邮件-{r.UnitCode}-{id}.eml";
        var model = new
        {
            organization.Value.Office,
            Id = id,
            Year = year,
            UnitName = UnitName(r),
            r.UnitCode,
            r.Sender,
            SenderName = r.SenderName.Length > 0 ? r.SenderName : r.Sender,
            r.SenderIsLiaison,
            Liaisons = string.Join("、", r.Unit?.Liaisons.Select(l => $"{l.Name} <{l.Email}>") ?? []),
            Subject = Subject(r),
            ReceivedAt = ReportingCalendar.Chinese(calendar.ToLocal(receivedAt)),
            // The sender's own Date is shown only when it falls on another day: then it may matter for the deadline.
            SentAt = r.SentAt is { } sent && calendar.ToLocal(sent).Date != calendar.ToLocal(receivedAt).Date ? ReportingCalendar.Chinese(calendar.ToLocal(sent)) : "",
            ByHeaders = r.ByHeaders,
            ObjectBy = ReportingCalendar.Chinese(r.Window.ObjectBy),
            Within = within,
            Finalised = r.Window.FinalIssued is not null,
            FinalIssuedAt = r.Window.FinalIssued is { } final ? ReportingCalendar.Chinese(final) : "",
            r.Text,
            r.Evidence,
            r.Forms,
            EmlName = eml,
            ImportCommand = $"import assessment FILE --year {year}",
            FinalCommand = $"assessment final --year {year} --send",
            ReissueCommand = $"assessment final --year {year} --reissue --send",
            ListCommand = $"assessment objections --year {year}",
        };
        var (subject, html, text) = templates.Render("assessment-objection", model);
        var office = new Recipient(organization.Value.Office, organization.Value.OperatorEmail);
        return new OutgoingMessage($"assessment/{year}/objection/{id}/office", OfficeKind, r.UnitCode, [office], subject, html, text,
            [new Attachment(eml, "message/rfc822", original)]);
    }

    /// <summary>To the sender; the unit's liaisons are copied when the sender is not one of them, so the unit knows what was sent in its name.</summary>
    public OutgoingMessage Acknowledgement(long id, ObjectionReply r, DateTimeOffset receivedAt, bool within)
    {
        var model = new
        {
            UnitName = UnitName(r),
            Year = r.Window.Year,
            Subject = Subject(r),
            ReceivedAt = ReportingCalendar.Chinese(calendar.ToLocal(receivedAt)),
            ObjectBy = ReportingCalendar.Chinese(r.Window.ObjectBy),
            Within = within,
            Evidence = r.Evidence.Count,
            Forms = r.Forms.Count,
            organization.Value.Office,
            ReplyTo = mail.Value.FromAddress,
        };
        var (subject, html, text) = templates.Render("assessment-objection-ack", model);
        var message = new OutgoingMessage($"assessment/{r.Window.Year}/objection/{id}/ack", AcknowledgementKind, r.UnitCode,
            [new Recipient(r.SenderName, r.Sender)], subject, html, text, []);
        return r.SenderIsLiaison || r.Unit is null ? message
            : message with { Cc = r.Unit.Liaisons.Where(l => !string.Equals(l.Email, r.Sender, StringComparison.OrdinalIgnoreCase)).Select(l => new Recipient(l.Name, l.Email)).ToArray() };
    }

    private static string UnitName(ObjectionReply r) => r.Unit?.Name ?? r.UnitCode;
    private static string Subject(ObjectionReply r) => r.Subject.Length > 0 ? r.Subject : "（无主题）";
}
