using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using ReportWorker.Calendar;
using ReportWorker.Demo;
using ReportWorker.Delivery;
using ReportWorker.Ledger;
using ReportWorker.Samples;
using ReportWorker.Storage;

namespace ReportWorker.Cli;

internal static class DemoCommand
{
    public static Command Create()
    {
        var samples = new Option<DirectoryInfo?>("--samples") { Description = "示例数据目录（默认 ./samples）" };
        var command = new Command("demo", "用示例省份演示2025年全年的流程：导入名录和任务，按到达时间逐份收取12个月的报表，写出回执和退回邮件，按日程印发每月的月通报和每季度的季督办") { samples };
        command.SetAction((parse, ct) => CommandLine.Execute(async (sp, token) =>
        {
            var folder = parse.GetValue(samples)?.FullName ?? FindSamples()
                ?? throw new CommandException("找不到 samples/ 目录：请在仓库根目录运行，或用 --samples 指定。");
            var paths = sp.GetRequiredService<DataPaths>();
            Console.WriteLine($"示例数据：{folder}");
            var result = await sp.GetRequiredService<DemoRunner>().RunAsync(folder, Console.Out, token);
            Console.WriteLine(result.Fed == 0
                ? $"所有示例报表此前都已收取（{result.Skipped} 份），未重复处理。"
                : $"收取 {result.Fed} 份文件：登记 {result.Accepted}，退回 {result.Rejected}；{(result.Skipped > 0 ? $"跳过此前已收取的 {result.Skipped} 份；" : "")}写出邮件 {result.Delivered} 封。");
            Console.WriteLine();
            Console.Write(StatusCommand.Render(sp.GetRequiredService<LedgerStatus>().For(result.LastMonth), sp.GetRequiredService<ReportingCalendar>()));
            Console.WriteLine();
            Console.WriteLine("数据位置：");
            Console.WriteLine($"  台账数据库  {paths.DatabaseFile}");
            Console.WriteLine($"  原件存档    {paths.Archive}");
            Console.WriteLine($"  收件夹      {paths.Inbox}（已处理的在 processed/，退回的在 rejected/）");
            Console.WriteLine($"  邮件(.eml)  {paths.Outbox}");
            Console.WriteLine($"  预填报表    {paths.Forms}");
            Console.WriteLine($"  通报        {paths.Briefings}（月通报、季督办、督办单；本次新排队邮件 {result.BriefingMails} 封）");
            if (result.Assessment is { } a)
                Console.WriteLine($"  年考核      {Path.GetDirectoryName(a.NoticePath)}（考核结果通报、初步和最终的考核反馈单；查看得分：assessment show --year {a.Result.Year}）");
            if (sp.GetRequiredService<DemoArrivals>().GeneratedFolder is var generated && Directory.Exists(generated))
                Console.WriteLine($"  示例报表    {generated}（仓库只保存1—3月，其余月份每次运行时生成）");
            Console.WriteLine($"查看某月台账：dotnet run --project src/ReportWorker -- status --month {result.LastMonth}");
            return 0;
        }, services =>
        {
            services.AddSingleton(new DemoClock(new DateTimeOffset(2025, 1, 1, 9, 0, 0, TimeSpan.FromHours(8))));
            services.AddSingleton<TimeProvider>(sp => sp.GetRequiredService<DemoClock>());
            services.AddSingleton<SampleGenerator>();
            services.AddSingleton<DemoArrivals>();
            services.AddSingleton<DemoSchedule>();
            services.AddSingleton<DemoRunner>();
        }));
        return command;
    }

    internal static string? FindSamples()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "samples", SampleGenerator.ManifestName)))
                    return Path.Combine(dir.FullName, "samples");
        return null;
    }
}

internal static class SamplesCommand
{
    public static Command Create()
    {
        var outDir = new Option<DirectoryInfo>("--out") { Description = "输出目录", DefaultValueFactory = _ => new DirectoryInfo("samples") };
        var wholeYear = new Option<bool>("--whole-year") { Description = "写出2025年全部12个月的回传报表（默认只写仓库里保存的1—3月，其余月份由 demo 运行时生成）" };
        var command = new Command("samples", "重新生成示例省份（单位名录、任务清单、1—3月的回传报表）") { outDir, wholeYear };
        command.SetAction((parse, ct) => CommandLine.Execute((sp, _) =>
        {
            var folder = parse.GetRequiredValue(outDir).FullName;
            var months = parse.GetValue(wholeYear) ? SampleGenerator.Months : SampleGenerator.CommittedMonths;
            var summary = ActivatorUtilities.CreateInstance<SampleGenerator>(sp).Generate(folder, months);
            Console.WriteLine($"已写出示例省份到 {folder}：{summary.Units} 个单位，{summary.Tasks} 项任务，{months[0].ToChinese()}至{months[^1].ToChinese()}的回传文件 {summary.Files} 个。");
            return Task.FromResult(0);
        }));
        return command;
    }
}
