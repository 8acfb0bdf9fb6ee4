using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
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
        var year = new Option<int?>("--year") { Description = "“6月底”这类不写年份的时限按哪一年理解（默认今年）" };
        var tasks = new Command("tasks", "导入年度任务清单：任务编号、类别、任务内容、牵头单位、配合单位、完成时限、清单类型") { tasksFile, year };
        tasks.SetAction((parse, ct) => CommandLine.Execute((sp, _) =>
        {
            var file = parse.GetRequiredValue(tasksFile);
            Print(sp.GetRequiredService<TaskImporter>().Import(file.FullName, parse.GetValue(year)), file.Name);
            return Task.FromResult(0);
        }));

        import.Subcommands.Add(units);
        import.Subcommands.Add(tasks);
        return import;
    }

    private static void Print(ImportResult result, string file)
    {
        var what = result.Kind == "units" ? "单位" : "任务";
        Console.WriteLine($"已导入 {file}：{result.Rows} 个{what}（新增 {result.Added}，更新 {result.Changed}，未变 {result.Unchanged}）。");
        foreach (var note in result.Notes) Console.WriteLine($"提示：{note}");
    }
}
