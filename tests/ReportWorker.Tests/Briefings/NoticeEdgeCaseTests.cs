using ReportWorker.Briefings;
using ReportWorker.Ledger;
using ReportWorker.Registry;
using ReportWorker.Spreadsheets;
using ReportWorker.Storage;
using ReportWorker.Tests.Support;
using UglyToad.PdfPig;
using ReportWorker.Periods;

namespace ReportWorker.Tests.Briefings;

public sealed class NoticeEdgeCaseTests : IDisposable
{
    private static readonly ReportMonth January = new(2025, 1);
    private static readonly string LongTask = string.Concat(Enumerable.Repeat("推动机关党建与业务工作深度融合，", 19))[..300];
    private readonly TestWorld _world = new(start: new DateTimeOffset(2025, 2, 3, 9, 0, 0, TimeSpan.FromHours(8)));

    public NoticeEdgeCaseTests()
    {
        var units = Path.Combine(_world.Root, "units.xlsx");
        AtomicFile.Write(units, s => SimpleXlsxWriter.Write(s, "单位", ["单位代码", "单位名称", "简称", "联络员", "联络员邮箱"],
        [
            ["U01", "中共海南省委办公厅", "省委办公厅", "张喆", "swbgt@example.gov.cn"],
            ["U02", "海南省喆园管理局", "省喆园局", "李玥", "zy@example.gov.cn"],   // 喆 is not in GB2312
            ["U03", "海南省统计局", "省统计局", "王伟", "stjj@example.gov.cn"],     // leads nothing
        ]));
        _world.Get<UnitImporter>().Import(units);
        var tasks = Path.Combine(_world.Root, "tasks.xlsx");
        AtomicFile.Write(tasks, s => SimpleXlsxWriter.Write(s, "任务", ["任务编号", "类别", "任务内容", "牵头单位", "完成时限"],
        [
            ["A-001", "A", LongTask, "省委办公厅", "2025年6月底"],
            ["C-001", "C", "为企业办实事清单", "U02", "年底"],
        ]));
        _world.Get<TaskImporter>().Import(tasks, 2025);
        _world.TakeIn("u01.xlsx", _world.FilledForm("U01", January));
        // U02 does not report in January. The notice goes out on the 8th, after the forms were due (5 February 17:00).
        _world.SetLocalTime(2025, 2, 8, 9);
    }

    public void Dispose() => _world.Dispose();

    [Fact]
    public void First_month_no_lagging_a_missing_unit_a_long_task_an_idle_unit_and_a_name_outside_gb2312()
    {
        var result = _world.Get<BriefingService>().Monthly(January, null, reissue: false);

        using var pdf = PdfDocument.Open(result.Document.Pdf);
        var text = string.Concat(pdf.GetPages().SelectMany(p => p.Letters).Select(l => l.Value)).Replace(" ", "");
        Assert.Contains("琼直工委通〔2025〕1号", text);                    // the first issue of the year
        Assert.Contains("本月没有滞后或未启动的任务", text);                 // said, not an empty table
        Assert.Contains("本月没有超过完成时限仍未完成的任务", text);
        Assert.Contains(LongTask.Replace(" ", ""), text);                   // 300 characters, wrapped, nothing lost
        Assert.Contains("未报送", text);                                     // U02's task shows as not reported …
        var c001 = result.Figures.AllTasks.Single(s => s.Task.Code == "C-001");
        Assert.Null(c001.LastPercent);                                       // … never as zero progress
        Assert.Equal(0, result.Figures.Units.Single(u => u.Unit.Code == "U03").Rank); // an idle unit is not ranked
        // 喆 is in no bundled font: it is reported, and the page shows the rest of the name, never a box.
        if (!File.Exists("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"))
        {
            Assert.Contains(0x5586, result.Document.MissingCharacters);
            Assert.Contains("省园局", text);
        }
    }
}
