using Microsoft.Extensions.Options;
using ReportWorker.Briefings;
using ReportWorker.Calendar;
using ReportWorker.Delivery;
using ReportWorker.Registry;
using ReportWorker.Storage;

namespace ReportWorker.Assessment;

/// <summary>
/// Queues the assessment by e-mail: each 反馈单 to its own unit only (the draft asks for objections by reply),
/// the 通报 to the leaders and, as a circular in Bcc, to every unit. Keys name the year, the stage, the version
/// and the recipient, so issuing again queues nothing new.
/// </summary>
public sealed class AssessmentMailer(OutboxStore outbox, EmailTemplates templates, RegistryStore registry, IOptions<BriefingsOptions> briefings,
    IOptions<OrganizationOptions> organization, IOptions<MailOptions> mail)
{
    private const string Pdf = "application/pdf";

    /// <summary>The outbox key of a unit's draft 反馈单: a reply to that message is an objection.</summary>
    public static string DraftKey(int year, long version, string unitCode) => $"assessment/{year}/draft/v{version}/{unitCode}";

    public int Queue(IssuedAssessment a)
    {
        var year = a.Result.Year;
        var stage = a.Draft ? "draft" : "final";
        var queued = outbox.EnqueueAll(a.Slips.Where(s => s.Unit.Unit.Liaisons.Count > 0).Select(slip => Message(
            a.Draft ? DraftKey(year, a.Record.Version, slip.Unit.Unit.Code) : $"assessment/{year}/final/v{a.Record.Version}/slip/{slip.Unit.Unit.Code}",
            a.Draft ? "assessment-draft" : "assessment-final", slip.Unit.Unit.Code, Liaisons(slip.Unit.Unit), new
            {
                UnitName = slip.Unit.Unit.Name, Year = year, Score = AssessmentCalculator.Points(slip.Unit.Score), slip.Unit.Grade, slip.Unit.Rank,
                Assessed = a.Result.Units.Count, Lost = Lost(slip.Unit), ObjectBy = ReportingCalendar.Chinese(a.ObjectBy),
                FileName = Path.GetFileName(slip.Path), organization.Value.Office, ReplyTo = mail.Value.FromAddress,
            }, Path.GetFileName(slip.Path), Bytes(slip.Path, slip.Sha256)))).Count;
        if (a.Notice is null || a.NoticePath is null) return queued;

        var file = Path.GetFileName(a.NoticePath);
        object Model(string name) => new
        {
            Name = name, Year = year, a.Record.Version, Assessed = a.Result.Units.Count, FileName = file, organization.Value.Office,
            Grades = a.Result.Scheme.Grades.Select(g => new { g.Name, Count = a.Result.CountOf(g.Name) }).ToArray(),
        };
        var key = $"assessment/{year}/{stage}/v{a.Record.Version}";
        var leaders = briefings.Value.Leaders.Select(l => new Recipient(l.Name, l.Email)).ToArray();
        if (leaders.Length > 0) queued += outbox.Enqueue(Message($"{key}/leaders", "assessment-notice", null, leaders, Model("各位领导"), file, a.Notice.Pdf)) ? 1 : 0;
        var liaisons = registry.Units().SelectMany(Liaisons).DistinctBy(r => r.Address.ToLowerInvariant()).ToArray();
        var office = new Recipient(organization.Value.Office, mail.Value.FromAddress);
        foreach (var (batch, n) in liaisons.Chunk(briefings.Value.UnitRecipientsPerMessage).Select((b, n) => (b, n + 1)))
            queued += outbox.Enqueue(Message($"{key}/units/{n}", "assessment-notice", null, [office], Model("各单位"), file, a.Notice.Pdf) with { Bcc = batch }) ? 1 : 0;
        return queued;
    }

    // Every point lost, one line each, as the mail lists them before the attachment.
    private static string[] Lost(UnitResult u) =>
        u.Indicators.SelectMany(i => i.Reasons.Select(r => $"{i.Indicator.Name}：{r.Evidence}（{AssessmentCalculator.Points(r.Points)}分）"))
            .Concat(u.Deduction.Reasons.Select(r => $"工委扣分：{r.Evidence}（{AssessmentCalculator.Points(r.Points)}分）"))
            .Concat(u.Vetoes.Select(v => v.Evidence)).ToArray();

    /// <summary>The slip as written, checked against what was rendered: the unit gets exactly the file in the briefings folder.</summary>
    private static byte[] Bytes(string path, string sha256)
    {
        var bytes = File.ReadAllBytes(path);
        if (Hashing.Sha256(bytes) != sha256) throw new IOException($"{path} changed after it was written (SHA-256 differs); issue the assessment again.");
        return bytes;
    }

    private OutgoingMessage Message(string key, string template, string? unit, IReadOnlyList<Recipient> to, object model, string fileName, byte[] pdf)
    {
        var (subject, html, text) = templates.Render(template, model);
        return new OutgoingMessage(key, template, unit, to, subject, html, text, [new Attachment(fileName, Pdf, pdf)]);
    }

    private static IReadOnlyList<Recipient> Liaisons(Unit unit) => unit.Liaisons.Select(l => new Recipient(l.Name, l.Email)).ToArray();
}
