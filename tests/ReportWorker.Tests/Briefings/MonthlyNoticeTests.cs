using ReportWorker.Briefings;
using ReportWorker.Ledger;
using ReportWorker.Tests.Support;
using UglyToad.PdfPig;
using ReportWorker.Periods;

namespace ReportWorker.Tests.Briefings;

public class MonthlyNoticeTests : IDisposable
{
    private static readonly ReportMonth March = new(2025, 3);
    private readonly TestWorld _world = new();

    public MonthlyNoticeTests()
    {
        _world.ImportSmallRegistry();
        _world.TakeIn("u01.xlsx", _world.FilledForm("U01", March, e => e.Text($"F{e.RowOf("A-002")}", "已完成").Number($"G{e.RowOf("A-002")}", 100)));
        _world.SetLocalTime(2025, 4, 8, 9);
        _world.TakeIn("u02.xlsx", _world.FilledForm("U02", March, e => e.Text($"F{e.RowOf("C-002")}", "滞后")));
        // 海口海关 (U03) does not report.
    }

    public void Dispose() => _world.Dispose();

    [Fact]
    public void The_notice_states_the_ledgers_figures_in_its_text()
    {
        var result = _world.Get<BriefingService>().Monthly(March, null, reissue: false);

        using var pdf = PdfDocument.Open(result.Document.Pdf);
        var text = string.Concat(pdf.GetPages().SelectMany(p => p.Letters).Select(l => l.Value)).Replace(" ", "");
        Assert.Contains("关于2025年3月省直机关党建工作任务推进情况的通报", text);
        Assert.Contains("琼直工委通〔2025〕1号", text);
        Assert.Contains("年度任务清单共7项", text);
        Assert.Contains("累计销号1项", text);            // A-002, reported 已完成 by its lead unit
        Assert.Contains("逾期报送1个（省审计厅）", text);
        Assert.Contains("未报送1个（海口海关）", text);
        Assert.Contains("2025年4月8日", text);           // the date it was first issued
        Assert.Empty(result.Document.MissingCharacters);
        Assert.Equal(1, result.Figures.Overall.ClosedToDate);
    }

    [Fact]
    public void Generating_again_gives_the_same_bytes_and_a_reissue_is_a_marked_new_version()
    {
        var service = _world.Get<BriefingService>();
        var first = service.Monthly(March, null, reissue: false);
        _world.SetLocalTime(2025, 4, 20);
        var again = service.Monthly(March, null, reissue: false);
        var reissued = service.Monthly(March, null, reissue: true);

        Assert.Equal(first.Document.Pdf, again.Document.Pdf);
        Assert.Equal(first.Path, again.Path);
        Assert.Equal(2, reissued.Record.Version);
        Assert.Equal(1, reissued.Record.IssueNo);
        Assert.NotEqual(first.Path, reissued.Path);
        using var pdf = PdfDocument.Open(reissued.Document.Pdf);
        Assert.Contains("（第2版）", string.Concat(pdf.GetPage(1).Letters.Select(l => l.Value)));
    }

    [Fact]
    public void An_issued_notice_is_made_from_the_ledger_as_it_stood_so_a_late_form_changes_only_a_reissue()
    {
        var service = _world.Get<BriefingService>();
        var issued = service.Monthly(March, null, reissue: false);
        Assert.Equal(["U03"], issued.Figures.Punctuality.Missing.Select(u => u.Code));

        _world.SetLocalTime(2025, 4, 9);
        _world.TakeIn("u03-late.xlsx", _world.FilledForm("U03", March)); // 海口海关, a day after the notice
        var again = service.Monthly(March, null, reissue: false);
        var reissued = service.Monthly(March, null, reissue: true);

        Assert.Equal(issued.Document.Pdf, again.Document.Pdf);
        Assert.Empty(reissued.Figures.Punctuality.Missing);
        Assert.Equal(["U02", "U03"], reissued.Figures.Punctuality.Late.Select(u => u.Code));
    }

    [Fact]
    public void Issue_numbers_count_per_year()
    {
        var service = _world.Get<BriefingService>();
        Assert.Equal(1, service.Monthly(new ReportMonth(2025, 1), null, false).Record.IssueNo);
        Assert.Equal(2, service.Monthly(new ReportMonth(2025, 2), null, false).Record.IssueNo);
        Assert.Equal(1, service.Monthly(new ReportMonth(2024, 12), null, false, force: true).Record.IssueNo); // no 2024 list: forced
        Assert.Equal(2, service.Monthly(new ReportMonth(2025, 2), null, false).Record.IssueNo);
    }
}
