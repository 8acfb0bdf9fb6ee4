using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using ReportWorker.Briefings;
using ReportWorker.Periods;

namespace ReportWorker.Cli;

internal static class BriefingCommand
{
    public static Command Create()
    {
        var briefing = new Command("briefing", "生成通报");
        var month = CliOptions.Month();
        var outDir = new Option<DirectoryInfo?>("--out") { Description = "输出目录（默认 data/briefings/YYYY-MM）" };
        var reissue = new Option<bool>("--reissue") { Description = "重新印发：生成新的、标明版次的版本" };
        var send = new Option<bool>("--send") { Description = "同时通过邮件发给工委领导和各单位（同一版次只发一次）" };
        var monthly = new Command("monthly", "生成某月的月通报（PDF）") { month, outDir, reissue, send };
        monthly.SetAction((parse, ct) => CommandLine.Execute(async (sp, token) =>
        {
            var m = CliOptions.ParseMonth(parse.GetValue(month));
            var (result, queued) = sp.GetRequiredService<BriefingPublisher>().Monthly(m, parse.GetValue(outDir)?.FullName, parse.GetValue(reissue), queue: parse.GetValue(send));
            Console.WriteLine($"已写出 {result.Path}：第{result.Record.IssueNo}期{(result.Record.Version > 1 ? $"，第{result.Record.Version}版" : "")}，{result.Document.PageCount} 页。");
            if (result.Document.MissingCharacters.Count > 0)
                Console.WriteLine($"警告：字体中没有这些字符，已略去：{result.Document.MissingText}（可在 Documents:Fonts:Fallbacks 配置备用字体）");
            if (parse.GetValue(send)) await Send(sp, queued, token);
            return 0;
        }));
        briefing.Subcommands.Add(monthly);

        var quarter = new Option<string>("--quarter") { Description = "季度，格式 YYYYQn，例如 2025Q1", Required = true };
        var qOut = new Option<DirectoryInfo?>("--out") { Description = "输出目录（默认 data/briefings/YYYYQn）" };
        var qReissue = new Option<bool>("--reissue") { Description = "重新印发：生成新的、标明版次的版本" };
        var qSend = new Option<bool>("--send") { Description = "同时邮件发送：季督办给工委领导，督办单给各自单位（同一版次只发一次）" };
        var quarterly = new Command("quarterly", "生成某季度的季督办通报和各单位督办单（PDF）") { quarter, qOut, qReissue, qSend };
        quarterly.SetAction((parse, ct) => CommandLine.Execute(async (sp, token) =>
        {
            if (!Quarter.TryParse(parse.GetValue(quarter), out var q)) throw new CommandException($"季度“{parse.GetValue(quarter)}”格式不对，应为 YYYYQn，例如 2025Q1。");
            var (result, queued) = sp.GetRequiredService<BriefingPublisher>().Quarterly(q, parse.GetValue(qOut)?.FullName, parse.GetValue(qReissue), queue: parse.GetValue(qSend));
            Console.WriteLine($"已写出 {result.SummaryPath}：督办事项 {result.Figures.Items.Count} 项（红 {result.Figures.Items.Count(i => i.Level == Level.Red)}，黄 {result.Figures.Items.Count(i => i.Level == Level.Yellow)}，蓝 {result.Figures.Items.Count(i => i.Level == Level.Blue)}）。");
            foreach (var slip in result.Slips) Console.WriteLine($"  督办单 {slip.Unit.ShortName}：{slip.Path}");
            if (parse.GetValue(qSend)) await Send(sp, queued, token);
            return 0;
        }));
        briefing.Subcommands.Add(quarterly);
        return briefing;
    }

    private static async Task Send(IServiceProvider sp, int queued, CancellationToken token)
    {
        var result = await sp.GetRequiredService<Delivery.OutboxSender>().DeliverDueAsync(token);
        Console.WriteLine($"邮件：新排队 {queued} 封（此前已排队的不重复）；发出 {result.Sent}，待重试 {result.Retried}，失败 {result.Failed}。");
    }
}
