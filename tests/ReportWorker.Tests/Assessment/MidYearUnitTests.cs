using ReportWorker.Assessment;
using ReportWorker.Ledger;
using ReportWorker.Periods;
using ReportWorker.Registry;
using ReportWorker.Spreadsheets;
using ReportWorker.Storage;
using ReportWorker.Tests.Support;

namespace ReportWorker.Tests.Assessment;

/// <summary>
/// 省统计局 joins the registry in July 2025 and is given a task; it owes July to December only, and misses August.
/// The registry does not know when a task was added to the year's list, only when the unit was: that is what counts.
/// </summary>
public sealed class MidYearUnitTests : IDisposable
{
    private readonly TestWorld _world = new(start: new DateTimeOffset(2025, 1, 2, 9, 0, 0, TimeSpan.FromHours(8)));

    public void Dispose() => _world.Dispose();

    [Fact]
    public void A_unit_added_in_july_owes_the_months_from_july_and_is_assessed_on_them()
    {
        _world.ImportSmallRegistry();
        for (var m = 1; m <= 12; m++)
        {
            var month = new ReportMonth(2025, m);
            if (m == 7) AddStatisticsBureau();
            _world.SetLocalTime(2025, m, 28);
            foreach (var unit in m >= 7 ? ["U01", "U02", "U03", "U04"] : new[] { "U01", "U02", "U03" })
                if (!(unit == "U04" && m == 8)) Assert.Equal("accepted", _world.TakeIn($"{month}-{unit}.xlsx", _world.FilledForm(unit, month)).Outcome);
        }
        _world.SetLocalTime(2026, 1, 15);

        var result = _world.Get<AssessmentService>().Compute(2025);
        var facts = _world.Get<AssessmentLedger>().Year(result.Scheme).Single(u => u.Unit.Code == "U04");

        Assert.Equal(Enumerable.Range(7, 6).Select(m => new ReportMonth(2025, m)), facts.Months.Select(x => x.Month));
        var reporting = result.Units.Single(u => u.Unit.Code == "U04").Indicators.Single(i => i.Indicator.Kind == IndicatorKind.Reporting);
        Assert.Equal(17, reporting.Score); // one month missing: −3
        Assert.Contains("2025年8月月报未报送", Assert.Single(reporting.Reasons).Evidence);
        Assert.Contains("应报送6个月", reporting.Summary);
    }

    private void AddStatisticsBureau()
    {
        _world.SetLocalTime(2025, 7, 1);
        _world.ImportUnits(Path.Combine(_world.Root, "units-july.xlsx"), [.. TestWorld.SmallUnits, ["U04", "海南省统计局", "省统计局", "赵敏", "stjj@example.gov.cn"]]);
        var tasks = Path.Combine(_world.Root, "tasks-july.xlsx");
        AtomicFile.Write(tasks, s => SimpleXlsxWriter.Write(s, "任务", ["任务编号", "类别", "任务内容", "牵头单位", "完成时限"],
            [["G-001", "F", "统计领域党建与业务融合试点", "省统计局", "2025年11月底"]]));
        _world.Get<TaskImporter>().Import(tasks, year: 2025);
    }
}
