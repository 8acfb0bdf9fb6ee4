using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Options;
using ReportWorker.Calendar;
using ReportWorker.Documents.Rendering;
using ReportWorker.Ledger;
using ReportWorker.Registry;
using ReportWorker.Storage;
using ReportWorker.Text;
using ReportWorker.Periods;

namespace ReportWorker.Briefings;

public sealed record GeneratedBriefing(BriefingRecord Record, string Path, RenderedDocument Document, MonthlyFigures Figures);

/// <summary>Computes a month's figures from the ledger, composes the 月通报 and writes it.</summary>
public sealed class BriefingService(
    RegistryStore registry,
    SubmissionStore submissions,
    BriefingStore briefings,
    LiquidTemplates templates,
    ReportingCalendar calendar,
    DataPaths paths,
    IOptions<RegistryOptions> registryOptions,
    DocumentFonts fonts)
{
    /// <summary>The month's figures from the ledger as it stood at <paramref name="asOf"/> (now when null).</summary>
    public MonthlyFigures Figures(ReportMonth month, DateTimeOffset? asOf = null) =>
        MonthlyFiguresCalculator.Compute(month, registry.Units(), registry.Tasks(), submissions.EntriesThrough(month, asOf), submissions.InForce(month, asOf), registryOptions.Value.Categories);

    /// <summary>Writes the 月通报; the same ledger and the same issue give the same bytes, unless <paramref name="reissue"/>.</summary>
    public GeneratedBriefing Monthly(ReportMonth month, string? outFolder, bool reissue)
    {
        var record = briefings.Issue("monthly", month.ToString(), month.Year, calendar.Now, reissue);
        var created = calendar.ToLocal(DateTimeOffset.Parse(record.CreatedAt, CultureInfo.InvariantCulture));
        // An issued notice is made from the ledger as it stood when it was first issued, so making it
        // again gives the same document even after late forms arrive; a reissue takes the ledger as it is now.
        var figures = Figures(month, created);
        var texts = Texts(month, figures, record, created);
        var units = registry.Units().ToDictionary(u => u.Code, u => u.ShortName);
        var document = new MonthlyNotice(figures, texts, units, created, fonts.Set).Render();
        var folder = outFolder ?? Path.Combine(paths.Briefings, month.ToString());
        var path = Path.Combine(folder, $"{month}-月通报{(record.Version > 1 ? $"-第{record.Version}版" : "")}.pdf");
        document.Save(path);
        briefings.Written(record.Id, path, Hashing.Sha256(document.Pdf));
        return new GeneratedBriefing(record, path, document, figures);
    }

    private MonthlyNoticeTexts Texts(ReportMonth month, MonthlyFigures f, BriefingRecord record, DateTimeOffset created)
    {
        var settings = JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(Path.Combine(templates.Folder, "briefings", "monthly.json")))!;
        var o = f.Overall;
        var p = f.Punctuality;
        var model = new
        {
            Year = month.Year, MonthCn = month.ToChinese(), Issue = record.IssueNo,
            MonthEndCn = ReportingCalendar.Chinese(month.LastDay),
            o.Total, o.Closable, o.ClosedToDate, o.ClosedThisMonth, CompletionRate = o.CompletionRate.ToString("0.0", CultureInfo.InvariantCulture),
            o.OnSchedule, o.Lagging, o.Overdue, o.NotReported,
            Expected = p.OnTime.Count + p.Late.Count + p.Missing.Count, OnTime = p.OnTime.Count, Late = p.Late.Count, Missing = p.Missing.Count,
            LateNames = string.Join("、", p.Late.Select(u => u.ShortName)), MissingNames = string.Join("、", p.Missing.Select(u => u.ShortName)),
        };
        string Setting(string key) => templates.RenderText(settings[key], model).Trim();
        string File_(string name) => templates.RenderFile($"briefings/{name}", model).Trim();
        var title = Setting("title") + (record.Version > 1 ? $"（第{record.Version}版）" : "");
        return new MonthlyNoticeTexts(Setting("organ"), Setting("documentNumber"), title, Setting("addressee"),
            File_("monthly-intro.liquid"), File_("monthly-overall.liquid"),
            File_("monthly-requirements.liquid").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            Setting("signature"), ReportingCalendar.Chinese(DateOnly.FromDateTime(created.DateTime)), Setting("copyTo"), Setting("issuer"), Setting("attachmentTitle"));
    }
}
