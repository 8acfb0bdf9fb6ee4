using Dapper;
using ReportWorker.Assessment;
using ReportWorker.Briefings;
using ReportWorker.Ledger;
using ReportWorker.Periods;
using ReportWorker.Registry;
using ReportWorker.Spreadsheets;
using ReportWorker.Storage;
using ReportWorker.Tests.Support;
using UglyToad.PdfPig;

namespace ReportWorker.Tests.Assessment;

/// <summary>
/// The small registry's 2025, month by month: 省委办公厅 reports every month on time and closes A-002 in March
/// and F-001 in September; 省审计厅 is late in March and never closes C-001 (due in February); 海口海关 misses
/// June. The 季督办 runs each quarter. Then the assessment, its stages and its documents.
/// </summary>
public class AssessmentServiceTests : IDisposable
{
    private readonly TestWorld _world = new(start: new DateTimeOffset(2025, 1, 2, 9, 0, 0, TimeSpan.FromHours(8)));

    public AssessmentServiceTests()
    {
        _world.ImportSmallRegistry();
        for (var m = 1; m <= 12; m++)
        {
            var month = new ReportMonth(2025, m);
            _world.SetLocalTime(2025, m, 28);
            Take($"{month}-U01.xlsx", _world.FilledForm("U01", month, e =>
            {
                if (m >= 3) e.Text($"F{e.RowOf("A-002")}", "已完成").Number($"G{e.RowOf("A-002")}", 100).Text($"H{e.RowOf("A-002")}", "已印发。");
                if (m >= 9) e.Text($"F{e.RowOf("F-001")}", "已完成").Number($"G{e.RowOf("F-001")}", 100).Text($"H{e.RowOf("F-001")}", "已落实。");
            }));
            if (m != 3) Take($"{month}-U02.xlsx", _world.FilledForm("U02", month));
            if (m != 6) Take($"{month}-U03.xlsx", _world.FilledForm("U03", month));
            if (m == 3) { _world.SetLocalTime(2025, 4, 9, 9, 30); Take($"{month}-U02.xlsx", _world.FilledForm("U02", month)); }
            if (m % 3 == 0)
            {
                _world.SetLocalTime(m == 12 ? 2026 : 2025, m == 12 ? 1 : m + 1, 10);
                _world.Get<QuarterlyService>().Quarterly(Quarter.Of(month), null, reissue: false);
            }
        }
        _world.SetLocalTime(2026, 1, 15);
    }

    public void Dispose() => _world.Dispose();

    private void Take(string name, byte[] form) => Assert.Equal("accepted", _world.TakeIn(name, form).Outcome);

    private AssessmentService Service => _world.Get<AssessmentService>();

    [Fact]
    public void The_assessment_agrees_with_what_status_reported_month_by_month()
    {
        var result = Service.Compute(2025);
        var facts = _world.Get<AssessmentLedger>().Year(result.Scheme);
        for (var m = 1; m <= 12; m++)
        {
            var month = new ReportMonth(2025, m);
            var status = _world.Get<LedgerStatus>().For(month);
            foreach (var unit in status.Units.Where(u => u.State != SubmissionState.NothingToReport))
                Assert.Equal(unit.State, facts.Single(f => f.Unit.Code == unit.Unit.Code).Months.Single(x => x.Month == month).State);
        }
        var u02 = result.Units.Single(u => u.Unit.Code == "U02").Indicators.Single(i => i.Indicator.Kind == IndicatorKind.Reporting);
        Assert.Equal(19, u02.Score);
        Assert.Contains("2025年3月月报逾期报送（4月9日 09:30收到", Assert.Single(u02.Reasons).Evidence);
        var u03 = result.Units.Single(u => u.Unit.Code == "U03").Indicators.Single(i => i.Indicator.Kind == IndicatorKind.Reporting);
        Assert.Equal("2025年6月月报未报送（截止7月7日 17:00）", Assert.Single(u03.Reasons).Evidence); // 5 July was a Saturday
        // December's task states are the 月通报's: what closed, what is overdue.
        var december = _world.Get<LedgerStatus>().For(new ReportMonth(2025, 12));
        var u01 = result.Units.Single(u => u.Unit.Code == "U01");
        Assert.Equal(december.Tasks.Count(t => t.Task.LeadUnit == "U01" && t.Overdue), u01.OverdueAtYearEnd);
    }

    [Fact]
    public void The_draft_goes_to_each_unit_regenerates_byte_for_byte_and_a_reissue_is_a_marked_second_version()
    {
        var (draft, queued) = _world.Get<AssessmentPublisher>().Draft(2025);
        Assert.True(draft.Draft);
        Assert.Equal(3, draft.Slips.Count);
        Assert.Equal(3, queued);
        var bytes = draft.Slips.ToDictionary(s => s.Unit.Unit.Code, s => File.ReadAllBytes(s.Path));

        _world.SetLocalTime(2026, 1, 16);
        var (again, queuedAgain) = _world.Get<AssessmentPublisher>().Draft(2025);
        Assert.Equal(0, queuedAgain);
        Assert.All(again.Slips, s => Assert.Equal(bytes[s.Unit.Unit.Code], File.ReadAllBytes(s.Path)));

        var (reissued, queuedReissue) = _world.Get<AssessmentPublisher>().Draft(2025, reissue: true);
        Assert.Equal(2, reissued.Record.Version);
        Assert.Equal(3, queuedReissue);
        Assert.All(reissued.Slips, s => Assert.EndsWith("-初步结果-第2版.pdf", s.Path));
        using var pdf = PdfDocument.Open(File.ReadAllBytes(reissued.Slips[0].Path));
        var text = string.Concat(pdf.GetPages().SelectMany(p => p.Letters).Select(l => l.Value)).Replace(" ", "");
        Assert.Contains("（第2版）", text);
        Assert.Contains("初步结果", text);
        Assert.Contains("如对初步结果有异议，请于", text);
    }

    [Fact]
    public void The_final_waits_for_the_draft_and_the_objection_period_then_issues_the_notice_with_a_number()
    {
        Assert.Throws<AssessmentStageException>(() => Service.Final(2025));
        var draft = Service.Draft(2025);
        var refused = Assert.Throws<PeriodNotOpenException>(() => Service.Final(2025));
        Assert.Contains("异议的期限到", refused.Message);
        using (var c = _world.Get<LedgerDatabase>().Open())
            Assert.Equal(0, c.ExecuteScalar<long>("SELECT COUNT(*) FROM briefings WHERE kind = 'assessment'")); // no number used

        _world.Clock.SetUtcNow(refused.OpensAt);
        var (final, queued) = _world.Get<AssessmentPublisher>().Final(2025);
        Assert.Equal(1, final.Record.IssueNo);
        Assert.Equal(3 + 1 + 1, queued); // three final slips, the leaders, one circular to the units
        using var pdf = PdfDocument.Open(final.Notice!.Pdf);
        var text = string.Concat(pdf.GetPages().SelectMany(p => p.Letters).Select(l => l.Value)).Replace(" ", "");
        Assert.Contains("关于2025年度省直机关党建工作考核结果的通报", text);
        Assert.Contains("琼直工委考〔2026〕1号", text);
        foreach (var u in final.Result.Units) Assert.Contains(u.Unit.ShortName, text);
        Assert.Contains("附件", text);
        var again = Service.Final(2025);
        Assert.Equal(final.Notice.Pdf, again.Notice!.Pdf);
        Assert.True(draft.ObjectBy >= new DateOnly(2026, 1, 25));
    }

    [Fact]
    public async Task The_jobs_issue_the_draft_and_hold_the_final_until_the_objection_period_has_ended()
    {
        var catalog = _world.Get<ReportWorker.Scheduling.JobCatalog>();
        var runner = _world.Get<ReportWorker.Scheduling.JobRunner>();
        var year = ReportWorker.Scheduling.JobPeriod.OfYear(2025);

        var draft = await runner.RunAsync(catalog.Find("assessment-draft")!, year, null, "test", force: false, CancellationToken.None);
        var early = await runner.RunAsync(catalog.Find("assessment-final")!, year, null, "test", force: false, CancellationToken.None);

        Assert.True(draft.Succeeded, draft.Summary);
        Assert.Contains("反馈单 3 份，新排队 3 封", draft.Summary);
        Assert.False(early.Succeeded);
        var refusal = Assert.IsType<PeriodNotOpenException>(early.Refusal);
        _world.Clock.SetUtcNow(refusal.OpensAt);
        var final = await runner.RunAsync(catalog.Find("assessment-final")!, year, null, "test", force: false, CancellationToken.None);
        Assert.True(final.Succeeded, final.Summary);
        Assert.Contains("考核结果通报第1号", final.Summary);
    }

    [Fact]
    public void The_offices_entries_count_with_their_evidence_and_a_new_import_replaces_them_for_documents_issued_after_it()
    {
        var path = Path.Combine(_world.Root, "加减分.xlsx");
        AtomicFile.Write(path, s => SimpleXlsxWriter.Write(s, "加减分", ["单位", "类型", "分值", "事由"],
        [
            ["省委办公厅", "加分", "3", "机关党建经验在全省推广（琼直工委〔2025〕30号）"],
            ["海口海关", "不得评为好", "", "巡视反馈问题整改不到位"],
        ]));
        _world.Get<OfficeEntries>().Import(path, 2025);
        var draft = Service.Draft(2025);
        var u01 = draft.Result.Units.Single(u => u.Unit.Code == "U01");
        Assert.Equal(3, u01.Bonus.Counted);
        Assert.Equal("机关党建经验在全省推广（琼直工委〔2025〕30号）", Assert.Single(u01.Bonus.Reasons).Evidence);
        Assert.NotEqual("好", draft.Result.Units.Single(u => u.Unit.Code == "U03").Grade);

        // The office agrees with an objection and withdraws the veto: the final, issued after the new import, has no veto; the draft regenerates as it was.
        AtomicFile.Write(path, s => SimpleXlsxWriter.Write(s, "加减分", ["单位", "类型", "分值", "事由"],
            [["省委办公厅", "加分", "3", "机关党建经验在全省推广（琼直工委〔2025〕30号）"]]));
        _world.SetLocalTime(2026, 1, 20);
        _world.Get<OfficeEntries>().Import(path, 2025);
        var before = File.ReadAllBytes(draft.Slips[2].Path);
        Assert.Equal(before, File.ReadAllBytes(Service.Draft(2025).Slips[2].Path));
        var final = Service.Final(2025, force: true);
        Assert.Empty(final.Result.Units.Single(u => u.Unit.Code == "U03").Vetoes);
    }

    [Fact]
    public void A_bad_entries_file_is_refused_row_by_row_and_writes_nothing()
    {
        var path = Path.Combine(_world.Root, "加减分-错.xlsx");
        AtomicFile.Write(path, s => SimpleXlsxWriter.Write(s, "加减分", ["单位", "类型", "分值", "事由"],
        [
            ["省委办公厅", "奖励", "3", "表彰"],
            ["不存在的单位", "加分", "2", "表彰"],
            ["海口海关", "扣分", "-", "问题"],
            ["省审计厅", "加分", "1", ""],
        ]));
        var refused = Assert.Throws<RegistryImportException>(() => _world.Get<OfficeEntries>().Import(path, 2025));
        Assert.Equal([2, 3, 4, 5], refused.Errors.Select(e => e.Row));
        Assert.Empty(_world.Get<OfficeEntries>().Current(2025));
    }

    [Fact]
    public void A_scheme_with_a_mistake_is_refused_with_its_line()
    {
        var folder = Path.Combine(_world.Root, "templates");
        Directory.CreateDirectory(Path.Combine(folder, "assessment"));
        var text = File.ReadAllText(AssessmentSchemeFile.PathFor(Path.Combine(AppContext.BaseDirectory, "templates"), 2025))
            .Replace("\"points\": 20, \"perTask\": 2", "\"points\": 25, \"perTask\": 0");
        File.WriteAllText(AssessmentSchemeFile.PathFor(folder, 2025), text);
        var refused = Assert.Throws<AssessmentSchemeException>(() => AssessmentSchemeFile.Load(folder, 2025));
        var overdueLine = text.Split('\n').Select((l, n) => (l, n + 1)).First(x => x.l.Contains("\"overdue\"")).Item2;
        Assert.Contains(refused.Problems, p => p.Contains("合计 105 分，应为 100 分"));
        Assert.Contains(refused.Problems, p => p.Contains($"第{overdueLine}行") && p.Contains("perTask"));
        Assert.Contains("找不到 2027 年度的考核细则", Assert.Throws<AssessmentSchemeException>(() => AssessmentSchemeFile.Load(folder, 2027)).Message);
    }
}
