using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using ReportWorker.Briefings;
using ReportWorker.Calendar;
using ReportWorker.Periods;

namespace ReportWorker.Cli;

internal static class BriefingCommand
{
    private const string PreviewHelp = "只生成草稿：每页标“草稿 仅供审阅”，文号不编号（〔年〕×号），不登记、不发送；期间未结束也可以";
    private const string ForceHelp = "该期报表还没截止也强制印发（默认拒绝：截止前印发会把仍在期限内的单位算作未报送，并用掉一个期号）";

    public static Command Create()
    {
        var briefing = new Command("briefing", "生成通报");
        var month = CliOptions.Month();
        var outDir = new Option<DirectoryInfo?>("--out") { Description = "输出目录（默认 data/briefings/YYYY-MM，草稿 data/briefings/preview/YYYY-MM）" };
        var reissue = new Option<bool>("--reissue") { Description = "重新印发：生成新的、标明版次的版本" };
        var send = new Option<bool>("--send") { Description = "同时通过邮件发给工委领导和各单位（同一版次只发一次）" };
        var force = new Option<bool>("--force") { Description = ForceHelp };
        var preview = new Option<bool>("--preview") { Description = PreviewHelp };
        var monthly = new Command("monthly", "生成某月的月通报（PDF）") { month, outDir, reissue, send, force, preview };
        monthly.SetAction((parse, ct) => CommandLine.Execute(async (sp, token) =>
        {
            var m = CliOptions.ParseMonth(parse.GetValue(month));
            if (parse.GetValue(preview))
            {
                PreviewOnly(parse.GetValue(reissue), parse.GetValue(send), parse.GetValue(force));
                var draft = sp.GetRequiredService<BriefingService>().Preview(m, parse.GetValue(outDir)?.FullName);
                Console.WriteLine($"已写出草稿 {draft.Path}：{draft.Document.PageCount} 页，每页标有“草稿 仅供审阅”，文号为〔{m.Year}〕×号；未占用期号，未登记，未发送。");
                Console.WriteLine(AboutDraft(m.ToChinese(), draft.FormsDue, draft.BeforeDue, $"briefing monthly --month {m}"));
                Warn(draft.Document);
                return 0;
            }
            var (result, queued) = sp.GetRequiredService<BriefingPublisher>().Monthly(m, parse.GetValue(outDir)?.FullName, parse.GetValue(reissue), queue: parse.GetValue(send), force: parse.GetValue(force));
            Console.WriteLine($"已写出 {result.Path}：第{result.Record.IssueNo}期{(result.Record.Version > 1 ? $"，第{result.Record.Version}版" : "")}，{result.Document.PageCount} 页。");
            if (result.BeforeDue) Console.WriteLine($"注意：{m.ToChinese()}的月报表还没有截止，已按 --force 强制印发。");
            Warn(result.Document);
            if (parse.GetValue(send)) await Send(sp, queued, token);
            return 0;
        }));
        briefing.Subcommands.Add(monthly);

        var quarter = new Option<string>("--quarter") { Description = "季度，格式 YYYYQn，例如 2025Q1", Required = true };
        var qOut = new Option<DirectoryInfo?>("--out") { Description = "输出目录（默认 data/briefings/YYYYQn，草稿 data/briefings/preview/YYYYQn）" };
        var qReissue = new Option<bool>("--reissue") { Description = "重新印发：生成新的、标明版次的版本" };
        var qSend = new Option<bool>("--send") { Description = "同时邮件发送：季督办给工委领导，督办单给各自单位（同一版次只发一次）" };
        var qForce = new Option<bool>("--force") { Description = ForceHelp };
        var qPreview = new Option<bool>("--preview") { Description = PreviewHelp + "；督办事项不登记" };
        var quarterly = new Command("quarterly", "生成某季度的季督办通报和各单位督办单（PDF）") { quarter, qOut, qReissue, qSend, qForce, qPreview };
        quarterly.SetAction((parse, ct) => CommandLine.Execute(async (sp, token) =>
        {
            if (!Quarter.TryParse(parse.GetValue(quarter), out var q)) throw new CommandException($"季度“{parse.GetValue(quarter)}”格式不对，应为 YYYYQn，例如 2025Q1。");
            if (parse.GetValue(qPreview))
            {
                PreviewOnly(parse.GetValue(qReissue), parse.GetValue(qSend), parse.GetValue(qForce));
                var draft = sp.GetRequiredService<QuarterlyService>().Preview(q, parse.GetValue(qOut)?.FullName);
                Console.WriteLine($"已写出草稿 {draft.SummaryPath}：督办事项 {draft.Figures.Items.Count} 项，督办单 {draft.Slips.Count} 份，每页标有“草稿 仅供审阅”，文号为〔{q.Year}〕×号；未占用期号，督办事项未登记，未发送。");
                foreach (var slip in draft.Slips) Console.WriteLine($"  督办单草稿 {slip.Unit.ShortName}：{slip.Path}");
                Console.WriteLine(AboutDraft(q.Chinese, draft.FormsDue, draft.BeforeDue, $"briefing quarterly --quarter {q}"));
                return 0;
            }
            var (result, queued) = sp.GetRequiredService<BriefingPublisher>().Quarterly(q, parse.GetValue(qOut)?.FullName, parse.GetValue(qReissue), queue: parse.GetValue(qSend), force: parse.GetValue(qForce));
            Console.WriteLine($"已写出 {result.SummaryPath}：督办事项 {result.Figures.Items.Count} 项（红 {result.Figures.Items.Count(i => i.Level == Level.Red)}，黄 {result.Figures.Items.Count(i => i.Level == Level.Yellow)}，蓝 {result.Figures.Items.Count(i => i.Level == Level.Blue)}）。");
            foreach (var slip in result.Slips) Console.WriteLine($"  督办单 {slip.Unit.ShortName}：{slip.Path}");
            if (result.BeforeDue) Console.WriteLine($"注意：{q.Chinese}最后一个月的报表还没有截止，已按 --force 强制印发。");
            if (parse.GetValue(qSend)) await Send(sp, queued, token);
            return 0;
        }));
        briefing.Subcommands.Add(quarterly);
        return briefing;
    }

    // A draft is only a look: options that issue or send would make it something else.
    private static void PreviewOnly(bool reissue, bool send, bool force)
    {
        if (reissue || send || force) throw new CommandException("--preview 只生成草稿，不能与 --reissue、--send 或 --force 同用。");
    }

    private static string AboutDraft(string period, DateTimeOffset formsDue, bool beforeDue, string issueCommand) => beforeDue
        ? $"{period}的报表{ReportingCalendar.Chinese(formsDue)}才截止，现在还不能印发：草稿按现在的台账生成，截止前数字还会变。截止以后用 {issueCommand} 正式印发。"
        : $"草稿按现在的台账生成。正式印发用 {issueCommand}。";

    internal static void Warn(Documents.Rendering.RenderedDocument document)
    {
        if (document.MissingCharacters.Count > 0)
            Console.WriteLine($"警告：字体中没有这些字符，已略去：{document.MissingText}（可在 Documents:Fonts:Fallbacks 配置备用字体）");
    }

    internal static async Task Send(IServiceProvider sp, int queued, CancellationToken token)
    {
        var result = await sp.GetRequiredService<Delivery.OutboxSender>().DeliverDueAsync(token);
        Console.WriteLine($"邮件：新排队 {queued} 封（此前已排队的不重复）；发出 {result.Sent}，待重试 {result.Retried}，失败 {result.Failed}。");
    }
}
