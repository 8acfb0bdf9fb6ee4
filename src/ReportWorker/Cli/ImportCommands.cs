using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using ReportWorker.Ledger;
using ReportWorker.Periods;
using ReportWorker.Registry;

namespace ReportWorker.Cli;

internal static class ImportCommands
{
    public static Command Create()
    {
        var import = new Command("import", "导入单位名录或年度任务清单（.xlsx 或 .csv）");

        var unitsFile = new Argument<FileInfo>("FILE") { Description = "单位名录文件" };
        var units = new Command("units", "导入单位名录：单位代码、单位名称、简称、联络员、联络员邮箱") { unitsFile };
        units.SetAction((parse, ct) => CommandLine.Execute((sp, _) =>
        {
            var file = parse.GetRequiredValue(unitsFile);
            Print(sp.GetRequiredService<UnitImporter>().Import(file.FullName), file.Name);
            return Task.FromResult(0);
        }));

        var tasksFile = new Argument<FileInfo>("FILE") { Description = "年度任务清单文件" };
        var year = new Option<int?>("--year") { Description = "清单所属年度（默认按完成时限中写明的年份，都未写年份时为今年）；“6月底”这类时限按该年理解" };
        var tasks = new Command("tasks", "导入年度任务清单：任务编号、类别、任务内容、牵头单位、配合单位、完成时限、清单类型") { tasksFile, year };
        tasks.SetAction((parse, ct) => CommandLine.Execute((sp, _) =>
        {
            var file = parse.GetRequiredValue(tasksFile);
            var result = sp.GetRequiredService<TaskImporter>().Import(file.FullName, parse.GetValue(year));
            Print(result, file.Name);
            if (result.Year is { } y)
            {
                var carried = sp.GetRequiredService<TaskBooks>().For(new ReportMonth(y, 1)).CarriedOver;
                if (carried > 0) Console.WriteLine($"提示：以前年度尚未销号的 {carried} 项任务作为“上年结转”列入 {y} 年的报表、台账和通报，直到销号或核销（tasks --month {y}-01 可查看）。");
            }
            return Task.FromResult(0);
        }));

        var entriesFile = new Argument<FileInfo>("FILE") { Description = "工委办公室的考核加减分表" };
        var entriesYear = new Option<int>("--year") { Description = "考核年度，例如 2025", Required = true };
        var assessment = new Command("assessment", "导入某年度考核的加减分和否决事项：单位、类型（加分/扣分/一票否决/不得评为好）、分值、事由。取代该年度此前导入的全部条目") { entriesFile, entriesYear };
        assessment.SetAction((parse, ct) => CommandLine.Execute((sp, _) =>
        {
            var file = parse.GetRequiredValue(entriesFile);
            var result = sp.GetRequiredService<Assessment.OfficeEntries>().Import(file.FullName, parse.GetValue(entriesYear));
            Console.WriteLine($"已导入 {file.Name}：{result.Rows} 条。");
            foreach (var note in result.Notes) Console.WriteLine($"提示：{note}");
            return Task.FromResult(0);
        }));

        import.Subcommands.Add(units);
        import.Subcommands.Add(tasks);
        import.Subcommands.Add(assessment);
        return import;
    }

    private static void Print(ImportResult result, string file)
    {
        var what = result.Kind == "units" ? "单位" : "任务";
        var list = result.Year is { } y ? $"{y}年度任务清单 " : "";
        Console.WriteLine($"已导入 {list}{file}：{result.Rows} 个{what}（新增 {result.Added}，更新 {result.Changed}，未变 {result.Unchanged}）。");
        foreach (var note in result.Notes) Console.WriteLine($"提示：{note}");
    }
}
