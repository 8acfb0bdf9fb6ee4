using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Options;
using ReportWorker.Briefings;
using ReportWorker.Calendar;
using ReportWorker.Documents.Components;
using ReportWorker.Documents.Rendering;
using ReportWorker.Periods;
using ReportWorker.Storage;
using ReportWorker.Text;

namespace ReportWorker.Assessment;

/// <summary>A 考核反馈单 as written, with the SHA-256 of its bytes (the mail sends exactly that file).</summary>
public sealed record WrittenSlip(UnitResult Unit, string Path, string Sha256);

/// <summary>
/// An issued stage of the year's assessment: the draft (反馈单 marked 初步结果, <see cref="Notice"/> null) or the
/// final (the 通报 and the final 反馈单). <paramref name="ObjectBy"/>: the last day to object to the draft.
/// </summary>
public sealed record IssuedAssessment(BriefingRecord Record, AssessmentResult Result, IReadOnlyList<WrittenSlip> Slips,
    string? NoticePath, RenderedDocument? Notice, DateOnly ObjectBy, bool Forced = false)
{
    public bool Draft => Notice is null;
}

/// <summary>A stage of the assessment asked for out of turn (the final before any draft); the message says what to do.</summary>
public sealed class AssessmentStageException(string message) : Exception(message);

/// <summary>
/// The year's assessment in two stages, each recorded like a briefing (<see cref="BriefingStore"/>, kinds
/// <c>assessment-draft</c> and <c>assessment</c>): issuing again gives the same bytes from the ledger as it stood
/// when first issued; <c>reissue</c> makes a marked new version from the ledger as it is now. The draft waits
/// for December's forms; the final waits for the draft and for the objection period to end.
/// </summary>
public sealed class AssessmentService(
    AssessmentLedger ledger, BriefingStore briefings, LiquidTemplates templates, ReportingCalendar calendar, DataPaths paths,
    IOptions<AssessmentOptions> options, DocumentFonts fonts, OfficeSigning signing)
{
    public const string DraftKind = "assessment-draft";
    public const string FinalKind = "assessment";

    /// <summary>The year's result from the ledger as it stood at <paramref name="asOf"/> (now when null).</summary>
    public AssessmentResult Compute(int year, DateTimeOffset? asOf = null)
    {
        var scheme = AssessmentSchemeFile.Load(templates.Folder, year);
        var units = ledger.Year(scheme, asOf);
        var unknown = units.SelectMany(u => u.OfficeEntries).Where(e => e.Kind is not (OfficeEntry.Bonus or OfficeEntry.Deduction) && !scheme.Vetoes.ContainsKey(e.Kind)).ToArray();
        if (unknown.Length > 0)
            throw new AssessmentSchemeException(unknown.Select(e => $"工委加减分表第{e.Row}行的类型“{e.Kind}”不在 {year} 年度细则的否决事项中：请改正细则或重新导入加减分表。").ToArray());
        var result = AssessmentCalculator.Compute(scheme, units);
        // A year the ledger knows nothing about (a typo'd --year, a year before the worker was in use) is not a year of zeros.
        if (result.Units.Count == 0)
            throw new AssessmentStageException($"台账中没有 {year} 年度的任何月报和牵头任务，无从考核：请检查 --year（考核的是上一年度，例如 {calendar.Now.Year - 1}）。");
        return result;
    }

    public IssuedAssessment Draft(int year, bool reissue = false, bool force = false)
    {
        // Refused before anything is recorded: December's reports must be in before a year can be judged.
        var early = IssueRule.Check(calendar, "年度考核初步结果", $"{year}年度", new ReportMonth(year, 12), $"assessment draft --year {year} --preview", force, usesNumber: false);
        var record = briefings.Issue(DraftKind, Period(year), year, calendar.Now, reissue);
        var created = Created(record);
        var result = Compute(year, created);
        var objectBy = ObjectBy(created);
        var texts = Texts(result, draft: true, "", record.Version, created, objectBy);
        var slips = WriteSlips(result, texts, draft: true, created, Folder(year), Suffix("初步结果", record.Version), mark: null);
        // The draft is one slip per unit, not one document: the register keeps their folder and a hash over the slips' hashes.
        briefings.Written(record.Id, Folder(year), Hashing.Sha256(System.Text.Encoding.UTF8.GetBytes(string.Join("\n", slips.Select(s => s.Sha256)))));
        return new IssuedAssessment(record, result, slips, null, null, objectBy, early);
    }

    public IssuedAssessment Final(int year, bool reissue = false, bool force = false)
    {
        var draft = briefings.Latest(DraftKind, Period(year))
            ?? (force ? null : throw new AssessmentStageException($"{year}年度考核的初步结果还没有发给各单位：请先运行 assessment draft --year {year}（或 run assessment-draft --year {year}），征求意见后再印发最终结果；确需直接印发的，加 --force。"));
        var forced = false;
        if (draft is not null)
        {
            var objectBy = ObjectBy(Created(draft));
            var opens = new DateTimeOffset(objectBy.AddDays(1).ToDateTime(TimeOnly.MinValue), calendar.Zone.GetUtcOffset(objectBy.AddDays(1).ToDateTime(TimeOnly.MinValue)));
            if (calendar.Now < opens && !force)
                throw new PeriodNotOpenException($"{year}年度考核的最终结果现在还不能印发：各单位对初步结果提出异议的期限到{ReportingCalendar.Chinese(objectBy)}为止。" +
                    $"请在期限以后再印发（计划任务会等到那时）；确需提前印发的，加 --force；只想先看看，用 assessment final --year {year} --preview。", opens);
            forced = calendar.Now < opens;
        }
        var record = briefings.Issue(FinalKind, Period(year), year, calendar.Now, reissue);
        var created = Created(record);
        var result = Compute(year, created);
        var texts = Texts(result, draft: false, record.IssueNo.ToString(CultureInfo.InvariantCulture), record.Version, created, default);
        var folder = Folder(year);
        var (noticePath, notice) = WriteNotice(result, texts, created, folder, Suffix("", record.Version), mark: null);
        var slips = WriteSlips(result, texts, draft: false, created, folder, Suffix("最终结果", record.Version), mark: null);
        briefings.Written(record.Id, noticePath, Hashing.Sha256(notice.Pdf));
        return new IssuedAssessment(record, result, slips, noticePath, notice, draft is null ? default : ObjectBy(Created(draft)), forced || draft is null);
    }

    /// <summary>A draft of either stage from the ledger as it is now, at any time: 草稿 on every page, recorded nowhere, queued nowhere.</summary>
    public IssuedAssessment Preview(int year, bool final)
    {
        var now = calendar.Now;
        var result = Compute(year, now);
        var objectBy = ObjectBy(now);
        var texts = Texts(result, draft: !final, Briefings.Draft.Issue, 1, now, objectBy);
        var folder = Briefings.Draft.Folder(paths, $"{year}-考核");
        var (noticePath, notice) = final ? WriteNotice(result, texts, now, folder, "-草稿", Briefings.Draft.Mark) : (null, null);
        var slips = WriteSlips(result, texts, draft: !final, now, folder, final ? "-最终结果-草稿" : "-初步结果-草稿", Briefings.Draft.Mark);
        return new IssuedAssessment(new BriefingRecord(0, final ? FinalKind : DraftKind, Period(year), 1, 0, now.ToString("O"), null, null), result, slips, noticePath, notice, objectBy);
    }

    /// <summary>The last day to object: the draft's date plus Assessment:ObjectionDays, moved to a working day.</summary>
    public DateOnly ObjectBy(DateTimeOffset draftIssued) =>
        calendar.WorkingDays.OnOrAfter(DateOnly.FromDateTime(calendar.ToLocal(draftIssued).DateTime).AddDays(options.Value.ObjectionDays));

    private (string, RenderedDocument) WriteNotice(AssessmentResult result, AssessmentTexts texts, DateTimeOffset created, string folder, string suffix, PageMark? mark)
    {
        var notice = new AssessmentNotice(result, texts, created, fonts.Set, signing.Sign(texts.Signature, texts.Date), mark).Render();
        var path = Path.Combine(folder, $"{result.Year}-年度考核结果通报{suffix}.pdf");
        notice.Save(path);
        return (path, notice);
    }

    private WrittenSlip[] WriteSlips(AssessmentResult result, AssessmentTexts texts, bool draft, DateTimeOffset created, string folder, string suffix, PageMark? mark)
    {
        var slips = new WrittenSlip[result.Units.Count];
        // Each slip is drawn and written on every core, as the 督办单 are: documents share only the loaded fonts.
        Hosting.Cores.For(slips.Length, n =>
        {
            var unit = result.Units[n];
            var slip = new FeedbackSlip(unit, result, texts, draft, created, fonts.Set, signing.Sign(texts.Signature, texts.Date, asksForReply: draft), mark).Render();
            var path = Path.Combine(folder, $"{result.Year}-考核反馈单-{unit.Unit.Code}-{Intake.Archive.SafeName(unit.Unit.ShortName)}{suffix}.pdf");
            slip.Save(path);
            slips[n] = new WrittenSlip(unit, path, Hashing.Sha256(slip.Pdf));
        });
        return slips;
    }

    private AssessmentTexts Texts(AssessmentResult result, bool draft, string issue, long version, DateTimeOffset created, DateOnly objectBy)
    {
        var settings = JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(Path.Combine(templates.Folder, "briefings", "assessment.json")))!;
        var model = new { result.Year, IssueYear = result.Year + 1, Issue = issue, SchemeName = result.Scheme.Name, ObjectBy = objectBy == default ? "" : ReportingCalendar.Chinese(objectBy) };
        string Setting(string key) => templates.RenderText(settings[key], model).Trim();
        string File_(string name) => templates.RenderFile($"briefings/{name}", model).Trim();
        return new AssessmentTexts(Setting("organ"), Setting("documentNumber"), Setting("title") + (version > 1 ? $"（第{version}版）" : ""), Setting("addressee"),
            File_("assessment-intro.liquid"), File_("assessment-requirements.liquid").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            Setting("signature"), ReportingCalendar.Chinese(DateOnly.FromDateTime(created.DateTime)), Setting("copyTo"), Setting("issuer"),
            Setting("attachmentTitle"), Setting("slipTitle") + (version > 1 ? $"（第{version}版）" : ""), Setting("objection"));
    }

    private DateTimeOffset Created(BriefingRecord record) => calendar.ToLocal(DateTimeOffset.Parse(record.CreatedAt, CultureInfo.InvariantCulture));
    private string Folder(int year) => Path.Combine(paths.Briefings, $"{year}-考核");
    private static string Period(int year) => year.ToString("D4", CultureInfo.InvariantCulture);
    private static string Suffix(string stage, long version) => (stage.Length > 0 ? "-" + stage : "") + (version > 1 ? $"-第{version}版" : "");
}
