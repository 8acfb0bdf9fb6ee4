using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using ReportWorker.Delivery;
using ReportWorker.Forms;

namespace ReportWorker.Cli;

internal static class FormsCommand
{
    public static Command Create()
    {
        var month = CliOptions.Month();
        var unit = new Option<string?>("--unit") { Description = "只生成这个单位（单位代码）" };
        var outDir = new Option<DirectoryInfo?>("--out") { Description = "输出目录（默认 data/forms/YYYY-MM）" };
        var send = new Option<bool>("--send") { Description = "同时通过邮件发给各单位联络员（同一单位同一月份只发一次）" };
        var force = new Option<bool>("--force") { Description = "月份还没开始也强制生成（默认拒绝，以免月份写错发给所有单位）" };
        var resend = new Option<bool>("--resend") { Description = "给 --unit 指定的单位重发本月报表（发往现在的联络员邮箱，邮件标明“重发”）；需同时写 --send" };
        var command = new Command("forms", "生成各单位某月的预填报表") { month, unit, outDir, send, force, resend };
        command.SetAction((parse, ct) => CommandLine.Execute(async (sp, token) =>
        {
            var m = CliOptions.ParseMonth(parse.GetValue(month));
            var service = sp.GetRequiredService<FormService>();
            var early = !service.HasBegun(m);
            IReadOnlyList<GeneratedForm> forms;
            try
            {
                forms = service.Generate(m, parse.GetValue(unit)?.Trim().ToUpperInvariant(), parse.GetValue(outDir)?.FullName, parse.GetValue(send), parse.GetValue(force), parse.GetValue(resend));
            }
            catch (ArgumentException ex) { throw new CommandException(ex.Message); }
            if (forms.Count == 0) throw new CommandException("单位名录为空，请先运行 import units。");
            foreach (var f in forms)
                Console.WriteLine($"{f.Unit.Code}  {f.Unit.ShortName}  {f.TaskCount} 项任务  {f.Path}{(parse.GetValue(send) ? f.Queued ? "  已排队发送" : "  此前已发送，未重复" : "")}");
            Console.WriteLine($"共生成 {forms.Count} 份 {m.ToChinese()} 报表。{sp.GetRequiredService<Calendar.ReportingCalendar>().DueNote(m)}");
            if (early) Console.WriteLine($"注意：{m.ToChinese()}还没有开始，已按 --force 强制生成{(parse.GetValue(send) ? "并下发" : "")}。");
            if (parse.GetValue(send))
            {
                var result = await sp.GetRequiredService<OutboxSender>().DeliverDueAsync(token);
                Console.WriteLine($"邮件：发出 {result.Sent}，待重试 {result.Retried}，失败 {result.Failed}。");
            }
            return 0;
        }));
        return command;
    }
}
