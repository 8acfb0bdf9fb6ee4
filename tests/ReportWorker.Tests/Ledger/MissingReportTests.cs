using ReportWorker.Briefings;
using ReportWorker.Ledger;
using ReportWorker.Registry;
using ReportWorker.Reminders;
using ReportWorker.Spreadsheets;
using ReportWorker.Storage;
using ReportWorker.Tests.Support;
using ReportWorker.Periods;

namespace ReportWorker.Tests.Ledger;

/// <summary><c>status</c>, the 月通报's figures and the reminders agree on who has not reported, because they ask one definition.</summary>
public sealed class MissingReportTests : IDisposable
{
    private static readonly ReportMonth March = new(2025, 3);
    private readonly TestWorld _world = new(start: new DateTimeOffset(2025, 3, 20, 9, 0, 0, TimeSpan.FromHours(8)));

    public MissingReportTests()
    {
        _world.ImportSmallRegistry();
        // A fourth unit with no task on the list owes no report.
        var units = Path.Combine(_world.Root, "units4.xlsx");
        AtomicFile.Write(units, s => SimpleXlsxWriter.Write(s, "单位", ["单位代码", "单位名称", "简称", "联络员", "联络员邮箱"],
        [
            ["U01", "中共海南省委办公厅", "省委办公厅", "王晓明", "swbgt@example.gov.cn"],
            ["U02", "海南省审计厅", "省审计厅", "李海燕", "ssjt@example.gov.cn"],
            ["U03", "中华人民共和国海口海关", "海口海关", "陈静", "hkhg@example.gov.cn"],
            ["U04", "海南省档案馆", "省档案馆", "赵敏", "sdag@example.gov.cn"],
        ]));
        _world.Get<UnitImporter>().Import(units);

        _world.SetLocalTime(2025, 4, 3);
        Assert.True(_world.TakeIn("u01.xlsx", _world.FilledForm("U01", March)).IsAccepted);
        // U02's only form is rejected (a status that is not on the list): it has still not reported.
        Assert.False(_world.TakeIn("u02.xlsx", _world.FilledForm("U02", March, e => e.Text($"F{e.RowOf("C-001")}", "差不多了"))).IsAccepted);
        _world.SetLocalTime(2025, 4, 7, 18);
        Assert.True(_world.TakeIn("u03.xlsx", _world.FilledForm("U03", March)).IsAccepted);
    }

    public void Dispose() => _world.Dispose();

    [Fact]
    public void Status_figures_and_reminders_name_the_same_missing_unit()
    {
        var status = _world.Get<LedgerStatus>().For(March);
        var figures = _world.Get<BriefingService>().Figures(March);
        var reminders = _world.Get<ReminderService>().Missing(March);

        Assert.Equal(["U02"], status.Missing.Select(u => u.Unit.Code));
        Assert.Equal(["U02"], figures.Punctuality.Missing.Select(u => u.Code));
        Assert.Equal(["U02"], reminders.Select(u => u.Code));
        Assert.Equal(["U03"], status.Late.Select(u => u.Unit.Code));
        Assert.Equal(["U03"], figures.Punctuality.Late.Select(u => u.Code));
        Assert.Equal(SubmissionState.NothingToReport, status.Units.Single(u => u.Unit.Code == "U04").State);
        Assert.Equal(SubmissionState.NothingToReport, figures.Units.Single(u => u.Unit.Code == "U04").Submission);
    }
}
