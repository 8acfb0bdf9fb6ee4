using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Options;
using ReportWorker.Calendar;
using ReportWorker.Documents.Rendering;
using ReportWorker.Hosting;
using ReportWorker.Ledger;
using ReportWorker.Registry;
using ReportWorker.Storage;
using ReportWorker.Text;
using ReportWorker.Periods;

namespace ReportWorker.Briefings;

public sealed record GeneratedQuarter(BriefingRecord Record, QuarterFigures Figures, string SummaryPath, RenderedDocument Summary, IReadOnlyList<IssuedSlip> Slips);

/// <summary>A 督办单 as written: the file, and the SHA-256 of its bytes. The PDF itself is not kept: a nation has 10,000 of them.</summary>
public sealed record IssuedSlip(Unit Unit, string Path, string Sha256);

/// <summary>Decides the quarter's 督办事项 from the ledger, keeps them, and writes the summary and one 督办单 per unit.</summary>
public sealed class QuarterlyService(
    RegistryStore registry,
    SubmissionStore submissions,
    SupervisionStore supervision,
    BriefingStore briefings,
    LiquidTemplates templates,
    ReportingCalendar calendar,
    DataPaths paths,
    IOptions<SupervisionOptions> options,
    DocumentFonts documentFonts)
{
    public QuarterFigures Figures(Quarter quarter, DateTimeOffset? asOf = null)
    {
        var states = TaskState.Compute(registry.Tasks(), submissions.EntriesThrough(quarter.LastMonth, asOf), quarter.LastMonth);
        var (figures, added) = SupervisionCalculator.Compute(quarter, states, supervision.Load(quarter), supervision.Load(quarter.Previous), options.Value, calendar.WorkingDays);
        supervision.Add(added);
        return figures;
    }

    public GeneratedQuarter Quarterly(Quarter quarter, string? outFolder, bool reissue)
    {
        var record = briefings.Issue("quarterly", quarter.ToString(), quarter.Year, calendar.Now, reissue);
        var created = calendar.ToLocal(DateTimeOffset.Parse(record.CreatedAt, CultureInfo.InvariantCulture));
        var figures = Figures(quarter, created); // as the ledger stood when first issued (see BriefingService)
        var units = registry.Units().ToDictionary(u => u.Code);
        var texts = Texts(quarter, record, created);
        var fonts = documentFonts.Set;
        var folder = outFolder ?? Path.Combine(paths.Briefings, quarter.ToString());
        var suffix = record.Version > 1 ? $"-第{record.Version}版" : "";

        var summary = new QuarterlyNotice(figures, texts, units, created, fonts).Render();
        var summaryPath = Path.Combine(folder, $"{quarter}-季督办{suffix}.pdf");
        summary.Save(summaryPath);
        briefings.Written(record.Id, summaryPath, Hashing.Sha256(summary.Pdf));

        var groups = figures.Items.GroupBy(i => i.State.Task.LeadUnit)
            .Where(g => units.ContainsKey(g.Key))
            .OrderBy(g => units[g.Key].SortOrder)
            .ToArray();
        var slips = new IssuedSlip[groups.Length];
        // Each slip is rendered, written and let go, on every core: documents share nothing but the loaded fonts,
        // which are safe to read from several threads. (Drawing the summary beside them saved 2 s of 60 at 100×
        // and cost 55 MB at 1×, a third document in flight; it is drawn first.)
        Cores.For(groups.Length, n =>
        {
            var unit = units[groups[n].Key];
            var slip = new SupervisionSlip(unit, groups[n].OrderBy(i => i.Seq).ToArray(), texts, quarter, created, fonts).Render();
            var path = Path.Combine(folder, $"{quarter}-督办单-{unit.Code}-{Intake.Archive.SafeName(unit.ShortName)}{suffix}.pdf");
            slip.Save(path);
            slips[n] = new IssuedSlip(unit, path, Hashing.Sha256(slip.Pdf));
        });
        return new GeneratedQuarter(record, figures, summaryPath, summary, slips);
    }

    private QuarterlyTexts Texts(Quarter quarter, BriefingRecord record, DateTimeOffset created)
    {
        var settings = JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(Path.Combine(templates.Folder, "briefings", "quarterly.json")))!;
        var model = new
        {
            quarter.Year, QuarterCn = quarter.Chinese, Issue = record.IssueNo,
            QuarterEndCn = ReportingCalendar.Chinese(quarter.LastDay), LaggingMonths = options.Value.LaggingMonths,
        };
        string Setting(string key) => templates.RenderText(settings[key], model).Trim();
        string File_(string name) => templates.RenderFile($"briefings/{name}", model).Trim();
        var requirement = settings["requirement"];
        return new QuarterlyTexts(Setting("organ"), Setting("documentNumber"), Setting("title") + (record.Version > 1 ? $"（第{record.Version}版）" : ""), Setting("addressee"),
            File_("quarterly-intro.liquid"), File_("quarterly-requirements.liquid").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            Setting("signature"), ReportingCalendar.Chinese(DateOnly.FromDateTime(created.DateTime)), Setting("copyTo"), Setting("issuer"), Setting("slipTitle"),
            by => templates.RenderText(requirement, new { RectifyBy = ReportingCalendar.Chinese(by) }).Trim());
    }
}
