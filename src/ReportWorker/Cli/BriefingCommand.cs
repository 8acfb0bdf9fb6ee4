using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using ReportWorker.Briefings;

namespace ReportWorker.Cli;

internal static class BriefingCommand
{
    public static Command Create()
    {
        var briefing = new Command("briefing", "生成通报");
        var month = CliOptions.Month();
        var outDir = new Option<DirectoryInfo?>("--out") { Description = "输出目录（默认 data/briefings/YYYY-MM）" };
        var reissue = new Option<bool>("--reissue") { Description = "重新印发：生成新的、标明版次的版本" };
        var monthly = new Command("monthly", "生成某月的月通报（PDF）") { month, outDir, reissue };
        monthly.SetAction((parse, ct) => CommandLine.Execute((sp, _) =>
        {
            var m = CliOptions.ParseMonth(parse.GetValue(month));
            var result = sp.GetRequiredService<BriefingService>().Monthly(m, parse.GetValue(outDir)?.FullName, parse.GetValue(reissue));
            Console.WriteLine($"已写出 {result.Path}：第{result.Record.IssueNo}期{(result.Record.Version > 1 ? $"，第{result.Record.Version}版" : "")}，{result.Document.PageCount} 页。");
            if (result.Document.MissingCharacters.Count > 0)
                Console.WriteLine($"警告：字体中没有这些字符，已略去：{result.Document.MissingText}（可在 Documents:Fonts:Fallbacks 配置备用字体）");
            return Task.FromResult(0);
        }));
        briefing.Subcommands.Add(monthly);
        return briefing;
    }
}
