using System.Data;
using System.Globalization;
using System.Text.RegularExpressions;
using Dapper;
using MimeKit;
using ReportWorker.Assessment;
using ReportWorker.Calendar;
using ReportWorker.Delivery;
using ReportWorker.Ledger;
using ReportWorker.Registry;

namespace ReportWorker.Intake;

/// <summary>
/// A message recognised as an objection to the draft assessment: for which year and unit, from whom, how it was
/// recognised, and what the person wrote. <see cref="Evidence"/>: the attached files that are not spreadsheets
/// (佐证材料), which reach the office inside the original message and are not taken in as forms.
/// </summary>
public sealed record ObjectionReply(ObjectionWindow Window, string UnitCode, Unit? Unit, string Sender, string SenderName, bool SenderIsLiaison,
    bool ByHeaders, string Subject, string Text, DateTimeOffset? SentAt, IReadOnlyList<string> Evidence, IReadOnlyList<string> Forms);

/// <summary>
/// Tells a reply to a draft 考核反馈单 from other mail, records it, and forwards it to the office. The rule:
/// <list type="number">
/// <item><b>By headers</b>: In-Reply-To or any References id is the Message-Id of a draft 反馈单 the worker queued
/// (kind assessment-draft, key assessment/YYYY/draft/vN/UNIT), or of its acknowledgement of an earlier objection
/// (the same conversation). The year and the unit are the slip's, whoever the sender is.</item>
/// <item><b>By subject</b>, for clients that drop those headers: the sender is a registered liaison (the unit is
/// theirs); the subject contains 考核反馈单, or both 考核 and 异议; and a draft is out for a year with no final
/// result yet, trying the years written in the subject (2025年), then the year before the mail arrived, then its year.</item>
/// </list>
/// Automatic mail and mail without a sender are sorted out before this is asked, so an auto-reply to a slip is never an objection.
/// </summary>
public sealed partial class ObjectionReplies(AssessmentObjections register, RegistryStore registry,
    ObjectionComposer composer, OutboxStore outbox, ReportingCalendar calendar)
{
    // The kind AssessmentMailer queues a draft 反馈单 under (its template's name).
    private const string DraftKind = "assessment-draft";

    /// <summary>The objection this message makes, or null when it is other mail.</summary>
    public ObjectionReply? Recognise(MimeMessage message, string sender, Unit? senderUnit, string subject, MailContents contents, DateTimeOffset receivedAt)
    {
        if ((ByHeaders(message) ?? BySubject(senderUnit, subject, receivedAt)) is not { } match) return null;
        var (window, unitCode, byHeaders) = match;
        var unit = senderUnit?.Code == unitCode ? senderUnit : registry.FindUnit(unitCode);
        var forms = contents.Files.Where(f => IsSpreadsheet(f.Name)).Select(f => f.Name).ToArray();
        return new ObjectionReply(window, unitCode, unit, sender, message.From.Mailboxes.FirstOrDefault()?.Name ?? "",
            unit?.Liaisons.Any(l => string.Equals(l.Email, sender, StringComparison.OrdinalIgnoreCase)) == true, byHeaders,
            subject, ReplyText.Of(message), message.Headers.Contains(HeaderId.Date) ? message.Date : null,
            contents.Files.Where(f => !IsSpreadsheet(f.Name)).Select(f => f.Name).ToArray(), forms);
    }

    /// <summary>
    /// A file an objection carries is taken in as a form only when its name says it is a spreadsheet (as today, a
    /// form is answered with a 回执 or 退回); anything else is evidence for the office, not a form to reject.
    /// </summary>
    public static bool IsSpreadsheet(string name) =>
        Path.GetExtension(name).ToLowerInvariant() is ".xlsx" or ".xlsm" or ".xls" or ".et" or ".csv";

    /// <summary>
    /// In the mailbox message's own transaction: the objection, the office's copy and the sender's acknowledgement.
    /// Returns the objection's id, or null when this message (by <paramref name="sourceRef"/>) was recorded before.
    /// </summary>
    public long? Record(IDbConnection c, IDbTransaction tx, ObjectionReply reply, string sourceRef, DateTimeOffset receivedAt, byte[] original)
    {
        var id = AssessmentObjections.Insert(c, tx, new NewObjection(reply.Window.Year, reply.UnitCode, reply.Sender, reply.Subject, reply.Text, receivedAt, sourceRef));
        if (id is not { } recorded) return null;
        var within = register.Within(reply.Window, receivedAt);
        outbox.Enqueue(c, tx, composer.ToOffice(recorded, reply, receivedAt, within, original));
        outbox.Enqueue(c, tx, composer.Acknowledgement(recorded, reply, receivedAt, within));
        return recorded;
    }

    private (ObjectionWindow, string, bool)? ByHeaders(MimeMessage message)
    {
        var ids = new List<string>();
        if (message.InReplyTo is { Length: > 0 } inReplyTo) ids.Add(inReplyTo);
        ids.AddRange(message.References.Reverse());
        foreach (var id in ids.Select(i => i.Trim().Trim('<', '>')).Distinct())
        {
            if (Ours(id) is not { } ours) continue;
            var (key, unitCode) = ours;
            if (int.TryParse(key.Split('/')[1], NumberStyles.None, CultureInfo.InvariantCulture, out var year) && register.Window(year) is { } window)
                return (window, unitCode, true);
        }
        return null;
    }

    /// <summary>The key and unit of our own draft slip or acknowledgement with this Message-Id: the slip's key carries the year the reply is about.</summary>
    private (string Key, string UnitCode)? Ours(string messageId) =>
        outbox.Find(messageId) is { UnitCode: { } unit } m
        && ((m.Kind == DraftKind && m.Key.StartsWith("assessment/", StringComparison.Ordinal) && m.Key.Contains("/draft/", StringComparison.Ordinal))
            || (m.Kind == ObjectionComposer.AcknowledgementKind && m.Key.StartsWith("assessment/", StringComparison.Ordinal) && m.Key.Contains("/objection/", StringComparison.Ordinal)))
            ? (m.Key, unit) : null;

    private (ObjectionWindow, string, bool)? BySubject(Unit? senderUnit, string subject, DateTimeOffset receivedAt)
    {
        if (senderUnit is null) return null;
        if (!subject.Contains("考核反馈单", StringComparison.Ordinal) && !(subject.Contains("考核", StringComparison.Ordinal) && subject.Contains("异议", StringComparison.Ordinal)))
            return null;
        var arrived = calendar.ToLocal(receivedAt).Year;
        var years = YearInSubject().Matches(subject).Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).Concat([arrived - 1, arrived]).Distinct();
        return years.Select(register.Window).FirstOrDefault(w => w is { Open: true }) is { } window ? (window, senderUnit.Code, false) : null;
    }

    [GeneratedRegex(@"(20\d\d)\s*年")]
    private static partial Regex YearInSubject();
}
