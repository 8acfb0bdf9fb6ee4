using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Options;
using ReportWorker.Calendar;
using ReportWorker.Documents.Components;
using ReportWorker.Documents.Rendering;
using ReportWorker.Hosting;
using ReportWorker.Ledger;
using ReportWorker.Registry;
using ReportWorker.Storage;
using ReportWorker.Text;
using ReportWorker.Periods;

namespace ReportWorker.Briefings;

/// <summary>An issued 季督办. <paramref name="BeforeDue"/>: issued with --force before the quarter's last forms were due.</summary>
public sealed record GeneratedQuarter(BriefingRecord Record, QuarterFigures Figures, string SummaryPath, RenderedDocument Summary, IReadOnlyList<IssuedSlip> Slips, bool BeforeDue = false);

/// <summary>A draft 季督办 and its 督办单: 草稿 on every page, no issue number; neither the issue nor its 督办事项 are recorded.</summary>
public sealed record QuarterPreview(QuarterFigures Figures, string SummaryPath, RenderedDocument Summary, IReadOnlyList<IssuedSlip> Slips, DateTimeOffset FormsDue, bool BeforeDue);

/// <summary>A 督办单 as written: the file, and the SHA-256 of its bytes. The PDF itself is not kept: a nation has 10,000 of them.</summary>
public sealed record IssuedSlip(Unit Unit, string Path, string Sha256);

/// <summary>Decides the quarter's 督办事项 from the ledger, keeps them, and writes the summary and one 督办单 per unit.</summary>
public sealed class QuarterlyService(
    RegistryStore registry,
    TaskBooks books,
    SubmissionStore submissions,
    SupervisionStore supervision,
    BriefingStore briefings,
    LiquidTemplates templates,
    ReportingCalendar calendar,
    DataPaths paths,
    IOptions<SupervisionOptions> options,
    DocumentFonts documentFonts,
    OfficeSigning signing)
{
    /// <summary>The quarter's 督办事项, numbering and keeping those found for the first time.</summary>
    public QuarterFigures Figures(Quarter quarter, DateTimeOffset? asOf = null)
    {
        var (figures, added) = Compute(quarter, asOf);
        supervision.Add(added);
        return figures;
    }

    private (QuarterFigures Figures, IReadOnlyList<StoredItem> Added) Compute(Quarter quarter, DateTimeOffset? asOf)
    {
        var index = books.For(quarter.LastMonth, asOf);
        var states = TaskState.Compute(index.Tasks, submissions.EntriesThrough(quarter.LastMonth, asOf, LedgerStatus.FirstMonth(index)), quarter.LastMonth);
        return SupervisionCalculator.Compute(quarter, states, supervision.Load(quarter), supervision.Load(quarter.Previous), options.Value, calendar.WorkingDays,
            DateOnly.FromDateTime(calendar.ToLocal(asOf ?? calendar.Now).DateTime));
    }

    /// <summary>
    /// Issues the 季督办 and writes its 督办单. Refused (<see cref="PeriodNotOpenException"/>) before the quarter's
    /// last month's forms are due, unless <paramref name="force"/>d (see <see cref="IssueRule"/>).
    /// </summary>
    public GeneratedQuarter Quarterly(Quarter quarter, string? outFolder, bool reissue, bool force = false)
    {
        // Checked before the issue number is taken and before any 督办事项 is numbered: a refusal leaves no trace.
        var early = IssueRule.Check(calendar, "季督办", quarter.Chinese, quarter.LastMonth, $"briefing quarterly --quarter {quarter} --preview", force);
        books.Require(quarter.LastMonth, "季督办", $"run quarterly-notice --quarter {quarter}", force);
        var record = briefings.Issue("quarterly", quarter.ToString(), quarter.Year, calendar.Now, reissue);
        var created = calendar.ToLocal(DateTimeOffset.Parse(record.CreatedAt, CultureInfo.InvariantCulture));
        var figures = Figures(quarter, created); // as the ledger stood when first issued (see BriefingService)
        var texts = Texts(quarter, record.IssueNo.ToString(CultureInfo.InvariantCulture), record.Version, created);
        var folder = outFolder ?? Path.Combine(paths.Briefings, quarter.ToString());
        var (summaryPath, summary, slips) = Write(quarter, figures, texts, created, folder, record.Version > 1 ? $"-第{record.Version}版" : "", mark: null);
        briefings.Written(record.Id, summaryPath, Hashing.Sha256(summary.Pdf));
        return new GeneratedQuarter(record, figures, summaryPath, summary, slips, early);
    }

    /// <summary>
    /// A draft of the 季督办 and its 督办单 from the ledger as it is now, at any time: 草稿 on every page, 〔年〕×号 for
    /// the number, the 督办事项 numbered as issuing now would number them. Records nothing and queues nothing.
    /// </summary>
    public QuarterPreview Preview(Quarter quarter, string? outFolder)
    {
        var now = calendar.Now;
        var (figures, _) = Compute(quarter, now);
        var texts = Texts(quarter, Draft.Issue, version: 1, now);
        var (summaryPath, summary, slips) = Write(quarter, figures, texts, now, outFolder ?? Draft.Folder(paths, quarter.ToString()), "-草稿", Draft.Mark);
        var due = IssueRule.OpensAt(calendar, quarter.LastMonth);
        return new QuarterPreview(figures, summaryPath, summary, slips, due, now < due);
    }

    private (string SummaryPath, RenderedDocument Summary, IssuedSlip[] Slips) Write(Quarter quarter, QuarterFigures figures, QuarterlyTexts texts, DateTimeOffset created, string folder, string suffix, PageMark? mark)
    {
        var units = registry.Units().ToDictionary(u => u.Code);
        var fonts = documentFonts.Set;
        var signature = signing.Sign(texts.Signature, texts.Date, asksForReply: true);
        var summary = new QuarterlyNotice(figures, texts, units, created, fonts, mark).Render();
        var summaryPath = Path.Combine(folder, $"{quarter}-季督办{suffix}.pdf");
        summary.Save(summaryPath);

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
            var slip = new SupervisionSlip(unit, n + 1, groups[n].OrderBy(i => i.Seq).ToArray(), texts, quarter, signature, created, fonts, mark).Render();
            var path = Path.Combine(folder, $"{quarter}-督办单-{unit.Code}-{Intake.Archive.SafeName(unit.ShortName)}{suffix}.pdf");
            slip.Save(path);
            slips[n] = new IssuedSlip(unit, path, Hashing.Sha256(slip.Pdf));
        });
        return (summaryPath, summary, slips);
    }

    private QuarterlyTexts Texts(Quarter quarter, string issue, long version, DateTimeOffset created)
    {
        var settings = JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(Path.Combine(templates.Folder, "briefings", "quarterly.json")))!;
        var model = new
        {
            quarter.Year, QuarterCn = quarter.Chinese, QuarterNumber = quarter.Number, Issue = issue,
            QuarterEndCn = ReportingCalendar.Chinese(quarter.LastDay), LaggingMonths = options.Value.LaggingMonths,
        };
        string Setting(string key) => templates.RenderText(settings[key], model).Trim();
        string File_(string name) => templates.RenderFile($"briefings/{name}", model).Trim();
        var requirement = settings["requirement"];
        var slipNumber = settings["slipNumber"];
        var versioned = version > 1 ? $"（第{version}版）" : "";
        return new QuarterlyTexts(Setting("organ"), Setting("reportName"), Setting("reportNumber"), Setting("reportOffice"), Setting("title") + versioned,
            File_("quarterly-intro.liquid"), File_("quarterly-requirements.liquid").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            Setting("signature"), ReportingCalendar.Chinese(DateOnly.FromDateTime(created.DateTime)), Setting("reportTo"), Setting("copyTo"), Setting("issuer"), Setting("slipTitle") + versioned,
            seq => templates.RenderText(slipNumber, new { quarter.Year, QuarterNumber = quarter.Number, Issue = issue, Seq = seq.ToString("D2", CultureInfo.InvariantCulture) }).Trim(),
            by =>
            {
                // The answer comes with the form of the month the deadline falls in: the channel every unit already uses.
                var month = ReportMonth.Of(by);
                return templates.RenderText(requirement, new
                {
                    RectifyBy = ReportingCalendar.Chinese(by), ReplyMonth = month.ToChinese(),
                    ReplyBy = ReportingCalendar.Chinese(DateOnly.FromDateTime(calendar.ToLocal(calendar.DueAt(month)).DateTime)),
                }).Trim();
            });
    }
}
