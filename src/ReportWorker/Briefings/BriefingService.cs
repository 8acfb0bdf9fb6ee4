using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Options;
using ReportWorker.Calendar;
using ReportWorker.Documents.Components;
using ReportWorker.Documents.Rendering;
using ReportWorker.Ledger;
using ReportWorker.Registry;
using ReportWorker.Storage;
using ReportWorker.Text;
using ReportWorker.Periods;

namespace ReportWorker.Briefings;

/// <summary>An issued 月通报. <paramref name="BeforeDue"/>: issued with --force before the month's forms were due.</summary>
public sealed record GeneratedBriefing(BriefingRecord Record, string Path, RenderedDocument Document, MonthlyFigures Figures, bool BeforeDue = false);

/// <summary>A draft 月通报: 草稿 on every page, no issue number, recorded nowhere. <paramref name="FormsDue"/>: when the month's forms are (were) due.</summary>
public sealed record BriefingPreview(string Path, RenderedDocument Document, MonthlyFigures Figures, DateTimeOffset FormsDue, bool BeforeDue);

/// <summary>Computes a month's figures from the ledger, composes the 月通报 and writes it.</summary>
public sealed class BriefingService(
    RegistryStore registry,
    TaskBooks books,
    SubmissionStore submissions,
    BriefingStore briefings,
    LiquidTemplates templates,
    ReportingCalendar calendar,
    DataPaths paths,
    IOptions<RegistryOptions> registryOptions,
    DocumentFonts fonts,
    OfficeSigning signing)
{
    /// <summary>The month's figures from the ledger as it stood at <paramref name="asOf"/> (now when null).</summary>
    public MonthlyFigures Figures(ReportMonth month, DateTimeOffset? asOf = null)
    {
        var index = books.For(month, asOf);
        return MonthlyFiguresCalculator.Compute(month, index.Units, index.Tasks, submissions.EntriesThrough(month, asOf, LedgerStatus.FirstMonth(index)),
            submissions.InForce(month, asOf), registryOptions.Value.Categories);
    }

    /// <summary>
    /// Writes the 月通报; the same ledger and the same issue give the same bytes, unless <paramref name="reissue"/>.
    /// Refused (<see cref="PeriodNotOpenException"/>) before the month's forms are due, unless <paramref name="force"/>d (see <see cref="IssueRule"/>).
    /// </summary>
    public GeneratedBriefing Monthly(ReportMonth month, string? outFolder, bool reissue, bool force = false)
    {
        // Checked before the issue number is taken: a refused notice leaves no trace.
        var early = IssueRule.Check(calendar, "月通报", month.ToChinese(), month, $"briefing monthly --month {month} --preview", force);
        books.Require(month, "月通报", $"run monthly-notice --month {month}", force);
        var record = briefings.Issue("monthly", month.ToString(), month.Year, calendar.Now, reissue);
        var created = calendar.ToLocal(DateTimeOffset.Parse(record.CreatedAt, CultureInfo.InvariantCulture));
        // An issued notice is made from the ledger as it stood when it was first issued, so making it
        // again gives the same document even after late forms arrive; a reissue takes the ledger as it is now.
        var figures = Figures(month, created);
        var document = Render(month, figures, record.IssueNo.ToString(CultureInfo.InvariantCulture), record.Version, created, mark: null);
        var folder = outFolder ?? Path.Combine(paths.Briefings, month.ToString());
        var path = Path.Combine(folder, $"{month}-月通报{(record.Version > 1 ? $"-第{record.Version}版" : "")}.pdf");
        document.Save(path);
        briefings.Written(record.Id, path, Hashing.Sha256(document.Pdf));
        return new GeneratedBriefing(record, path, document, figures, early);
    }

    /// <summary>
    /// A draft of the 月通报 from the ledger as it is now, at any time (before the month ends is what it is for):
    /// marked 草稿 on every page, 〔年〕×号 for the number. It takes no number, records nothing and queues nothing.
    /// </summary>
    public BriefingPreview Preview(ReportMonth month, string? outFolder)
    {
        var now = calendar.Now;
        var figures = Figures(month, now);
        var document = Render(month, figures, Draft.Issue, version: 1, now, Draft.Mark);
        var path = Path.Combine(outFolder ?? Draft.Folder(paths, month.ToString()), $"{month}-月通报-草稿.pdf");
        document.Save(path);
        var due = IssueRule.OpensAt(calendar, month);
        return new BriefingPreview(path, document, figures, due, now < due);
    }

    private RenderedDocument Render(ReportMonth month, MonthlyFigures figures, string issue, long version, DateTimeOffset created, PageMark? mark)
    {
        var texts = Texts(month, figures, issue, version, created);
        var units = registry.Units().ToDictionary(u => u.Code, u => u.ShortName);
        return new MonthlyNotice(figures, texts, units, created, fonts.Set, signing.Sign(texts.Signature, texts.Date), mark).Render();
    }

    private MonthlyNoticeTexts Texts(ReportMonth month, MonthlyFigures f, string issue, long version, DateTimeOffset created)
    {
        var settings = JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(Path.Combine(templates.Folder, "briefings", "monthly.json")))!;
        var o = f.Overall;
        var p = f.Punctuality;
        var model = new
        {
            Year = month.Year, MonthCn = month.ToChinese(), Issue = issue,
            MonthEndCn = ReportingCalendar.Chinese(month.LastDay),
            o.Total, ListTotal = o.Total - f.CarriedOver.Total, Carried = f.CarriedOver.Total, CarriedClosed = f.CarriedOver.ClosedToDate, o.Closable, o.ClosedToDate, o.ClosedThisMonth, CompletionRate = o.CompletionRate.ToString("0.0", CultureInfo.InvariantCulture),
            o.OnSchedule, o.Lagging, o.Overdue, o.NotReported,
            Expected = p.OnTime.Count + p.Late.Count + p.Missing.Count, OnTime = p.OnTime.Count, Late = p.Late.Count, Missing = p.Missing.Count,
            LateNames = string.Join("、", p.Late.Select(u => u.ShortName)), MissingNames = string.Join("、", p.Missing.Select(u => u.ShortName)),
        };
        string Setting(string key) => templates.RenderText(settings[key], model).Trim();
        string File_(string name) => templates.RenderFile($"briefings/{name}", model).Trim();
        var title = Setting("title") + (version > 1 ? $"（第{version}版）" : "");
        return new MonthlyNoticeTexts(Setting("organ"), Setting("documentNumber"), title, Setting("addressee"),
            File_("monthly-intro.liquid"), File_("monthly-overall.liquid"),
            File_("monthly-requirements.liquid").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            Setting("signature"), ReportingCalendar.Chinese(DateOnly.FromDateTime(created.DateTime)), Setting("copyTo"), Setting("issuer"), Setting("attachmentTitle"));
    }
}
