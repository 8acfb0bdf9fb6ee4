using Dapper;
using ReportWorker.Briefings;
using ReportWorker.Delivery;
using ReportWorker.Ledger;
using ReportWorker.Tests.Support;
using UglyToad.PdfPig;
using ReportWorker.Periods;

namespace ReportWorker.Tests.Briefings;

public class QuarterlyTests : IDisposable
{
    private readonly TestWorld _world = new(start: new DateTimeOffset(2025, 3, 1, 9, 0, 0, TimeSpan.FromHours(8)));

    public QuarterlyTests()
    {
        _world.ImportSmallRegistry();
        // February and March: 省审计厅 reports C-002 滞后 twice (an item, 蓝); C-001 is due 28 February and open (an item, 黄).
        // 省委办公厅 closes A-002 (due 31 March) in February, so it is no item.
        foreach (var month in new[] { new ReportMonth(2025, 2), new ReportMonth(2025, 3) })
        {
            _world.SetLocalTime(month.Next.Year, month.Next.Month, 3);
            _world.TakeIn($"u02-{month}.xlsx", _world.FilledForm("U02", month, e => e.Text($"F{e.RowOf("C-002")}", "滞后")));
            _world.TakeIn($"u01-{month}.xlsx", _world.FilledForm("U01", month, e => e.Text($"F{e.RowOf("A-002")}", "已完成").Number($"G{e.RowOf("A-002")}", 100)));
            _world.TakeIn($"u03-{month}.xlsx", _world.FilledForm("U03", month));
        }
        _world.SetLocalTime(2025, 4, 10, 9);
    }

    public void Dispose() => _world.Dispose();

    [Fact]
    public void Each_slip_holds_only_its_units_items_and_goes_only_to_that_unit_once()
    {
        var result = _world.Get<QuarterlyService>().Quarterly(new Quarter(2025, 1), null, reissue: false);
        var mailer = _world.Get<BriefingMailer>();
        var first = mailer.QueueQuarterly(result);
        _world.Clock.Advance(TimeSpan.FromDays(3));
        var rerun = _world.Get<QuarterlyService>().Quarterly(new Quarter(2025, 1), null, reissue: false);
        var again = mailer.QueueQuarterly(rerun);
        Assert.Equal(result.Summary.Pdf, rerun.Summary.Pdf);         // same ledger, same issue: same bytes
        Assert.Equal(result.Slips[0].Sha256, rerun.Slips[0].Sha256);

        Assert.Equal(["C-001", "C-002"], result.Figures.Items.Select(i => i.State.Task.Code));
        var slip = Assert.Single(result.Slips);
        Assert.Equal("U02", slip.Unit.Code);
        using (var pdf = PdfDocument.Open(File.ReadAllBytes(slip.Path)))
        {
            var text = string.Concat(pdf.GetPages().SelectMany(p => p.Letters).Select(l => l.Value));
            Assert.Contains("督〔2025〕Q1-001", text);
            Assert.Contains("督〔2025〕Q1-002", text);
            Assert.Contains("海南省审计厅", text);
            Assert.DoesNotContain("A-001", text);
        }
        Assert.Equal(2, first); // the summary to the leaders, one slip to 省审计厅
        Assert.Equal(0, again);
        using var c = _world.Get<ReportWorker.Ledger.LedgerDatabase>().Open();
        var slips = c.Query<(string Unit, string To)>("SELECT unit_code, recipients FROM outbox WHERE kind = 'supervision-slip'").ToArray();
        Assert.Equal([("U02", "ssjt@example.gov.cn, ssjt.dj@example.gov.cn")], slips);
    }

    [Fact]
    public void A_slip_changed_on_disk_after_it_was_written_is_not_sent()
    {
        var result = _world.Get<QuarterlyService>().Quarterly(new Quarter(2025, 1), null, reissue: false);
        var slip = Assert.Single(result.Slips);
        File.AppendAllText(slip.Path, "%tampered");

        var ex = Assert.Throws<IOException>(() => _world.Get<BriefingMailer>().QueueQuarterly(result));
        Assert.Contains(slip.Path, ex.Message);
        using var c = _world.Get<ReportWorker.Ledger.LedgerDatabase>().Open();
        Assert.Equal(0, c.ExecuteScalar<int>("SELECT COUNT(*) FROM outbox WHERE kind = 'supervision-slip'"));
    }

    [Fact]
    public void The_monthly_notice_is_queued_once_to_the_leaders_and_to_every_unit()
    {
        var service = _world.Get<BriefingService>();
        var mailer = _world.Get<BriefingMailer>();
        Assert.Equal(2, mailer.QueueMonthly(service.Monthly(new ReportMonth(2025, 3), null, false))); // leaders + one circular to the 3 units
        Assert.Equal(0, mailer.QueueMonthly(service.Monthly(new ReportMonth(2025, 3), null, false)));
        Assert.Equal(2, mailer.QueueMonthly(service.Monthly(new ReportMonth(2025, 3), null, reissue: true))); // a reissue is a new version
    }
}
