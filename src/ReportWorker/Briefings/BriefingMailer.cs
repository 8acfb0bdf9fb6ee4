using System.Globalization;
using Microsoft.Extensions.Options;
using ReportWorker.Calendar;
using ReportWorker.Delivery;
using ReportWorker.Registry;

namespace ReportWorker.Briefings;

/// <summary>
/// Queues briefings by e-mail: the 月通报 to the leaders and to every unit's liaisons, the 季督办 to the
/// leaders, each 督办单 to its own unit only. Keys name the briefing, its version and the recipient
/// group, so generating a briefing again queues nothing new.
/// </summary>
public sealed class BriefingMailer(OutboxStore outbox, EmailTemplates templates, RegistryStore registry, IOptions<BriefingsOptions> options, IOptions<OrganizationOptions> organization, IOptions<MailOptions> mail)
{
    private const string Pdf = "application/pdf";

    public int QueueMonthly(GeneratedBriefing b)
    {
        var o = b.Figures.Overall;
        var p = b.Figures.Punctuality;
        var file = Path.GetFileName(b.Path);
        object Model(string name) => new
        {
            Name = name, MonthCn = b.Figures.Month.ToChinese(), Issue = b.Record.IssueNo, b.Record.Version,
            o.Total, o.ClosedToDate, o.ClosedThisMonth, CompletionRate = o.CompletionRate.ToString("0.0", CultureInfo.InvariantCulture), o.Lagging, o.Overdue,
            OnTime = p.OnTime.Count, Late = p.Late.Count, Missing = p.Missing.Count, MissingNames = string.Join("、", p.Missing.Select(u => u.ShortName)),
            FileName = file, organization.Value.Office,
        };
        var key = $"briefing/monthly/{b.Figures.Month}/v{b.Record.Version}";
        var queued = Queue($"{key}/leaders", "monthly-notice", null, Leaders(), Model("各位领导"), file, b.Document.Pdf);
        // To the units as a circular, like the paper one (主送 各单位): the liaisons in Bcc, up to Briefings:UnitRecipientsPerMessage per message.
        var liaisons = registry.Units().SelectMany(Liaisons).DistinctBy(a => a.Address.ToLowerInvariant()).ToArray();
        var office = new Recipient(organization.Value.Office, mail.Value.FromAddress);
        foreach (var (batch, n) in liaisons.Chunk(options.Value.UnitRecipientsPerMessage).Select((batch, n) => (batch, n + 1)))
            queued += Queue($"{key}/units/{n}", "monthly-notice", null, [office], Model("各单位"), file, b.Document.Pdf, bcc: batch);
        return queued;
    }

    public int QueueQuarterly(GeneratedQuarter q)
    {
        var items = q.Figures.Items;
        var file = Path.GetFileName(q.SummaryPath);
        var key = $"briefing/quarterly/{q.Figures.Quarter}/v{q.Record.Version}";
        var queued = Queue($"{key}/leaders", "quarterly-notice", null, Leaders(), new
        {
            Name = "各位领导", QuarterCn = q.Figures.Quarter.Chinese, Items = items.Count, q.Record.Version,
            Red = items.Count(i => i.Level == Level.Red), Yellow = items.Count(i => i.Level == Level.Yellow), Blue = items.Count(i => i.Level == Level.Blue),
            Units = items.Select(i => i.State.Task.LeadUnit).Distinct().Count(),
            Previous = q.Figures.Previous.Count, PreviousClosed = q.Figures.Previous.Count(f => f.ClosedIn is not null),
            FileName = file, organization.Value.Office,
        }, file, q.Summary.Pdf);
        var byUnit = items.ToLookup(i => i.State.Task.LeadUnit);
        return queued + outbox.EnqueueAll(q.Slips.Select(slip =>
        {
            var mine = byUnit[slip.Unit.Code].OrderBy(i => i.Seq).ToArray();
            return Message($"{key}/slip/{slip.Unit.Code}", "supervision-slip", slip.Unit.Code, Liaisons(slip.Unit), new
            {
                UnitName = slip.Unit.Name, QuarterCn = q.Figures.Quarter.Chinese, Items = mine.Length,
                Rows = mine.Select(i => new { i.Number, Level = SupervisionItem.Word(i.Level), Code = i.State.Task.Code, RectifyBy = ReportingCalendar.Chinese(i.RectifyBy) }).ToArray(),
                RectifyBy = ReportingCalendar.Chinese(mine.Min(i => i.RectifyBy)),
                FileName = Path.GetFileName(slip.Path), organization.Value.Office, ReplyTo = mail.Value.FromAddress,
            }, Path.GetFileName(slip.Path), SlipBytes(slip));
        }).Where(m => m.To.Count > 0)).Count;
    }

    /// <summary>The slip as written, checked against what was rendered: the unit gets exactly the file in the briefings folder.</summary>
    private static byte[] SlipBytes(IssuedSlip slip)
    {
        var bytes = File.ReadAllBytes(slip.Path);
        if (Storage.Hashing.Sha256(bytes) != slip.Sha256)
            throw new IOException($"{slip.Path} changed after it was written (SHA-256 differs); run the 季督办 again.");
        return bytes;
    }

    private int Queue(string key, string template, string? unit, IReadOnlyList<Recipient> to, object model, string fileName, byte[] pdf, IReadOnlyList<Recipient>? bcc = null) =>
        to.Count == 0 ? 0 : outbox.Enqueue(Message(key, template, unit, to, model, fileName, pdf, bcc)) ? 1 : 0;

    private OutgoingMessage Message(string key, string template, string? unit, IReadOnlyList<Recipient> to, object model, string fileName, byte[] pdf, IReadOnlyList<Recipient>? bcc = null)
    {
        var (subject, html, text) = templates.Render(template, model);
        return new OutgoingMessage(key, template, unit, to, subject, html, text, [new Attachment(fileName, Pdf, pdf)]) { Bcc = bcc ?? [] };
    }

    private IReadOnlyList<Recipient> Leaders() => options.Value.Leaders.Select(l => new Recipient(l.Name, l.Email)).ToArray();
    private static IReadOnlyList<Recipient> Liaisons(Unit unit) => unit.Liaisons.Select(l => new Recipient(l.Name, l.Email)).ToArray();
}
