using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using ReportWorker.Delivery;
using ReportWorker.Intake;
using ReportWorker.Storage;

namespace ReportWorker.Cli;

internal static class IntakeCommand
{
    public static Command Create()
    {
        var command = new Command("intake", "处理一次收件夹（data/inbox）中的回传报表，并发出回执或退回");
        command.SetAction((parse, ct) => CommandLine.Execute(async (sp, token) =>
        {
            var paths = sp.GetRequiredService<DataPaths>();
            var outcomes = sp.GetRequiredService<FolderIntake>().ProcessInbox(TimeSpan.Zero, token);
            foreach (var o in outcomes)
                Console.WriteLine(o.IsAccepted
                    ? $"登记  #{o.ReceivedFileId}  {o.UnitCode} {o.Month}{(o.Warnings.Count > 0 ? $"  提示 {o.Warnings.Count} 条" : "")}"
                    : $"退回  #{o.ReceivedFileId}  {o.UnitCode ?? "-"} {o.Month ?? ""}  {(o.Errors.Count > 0 ? o.Errors[0].ToString() : "(之前已处理)")}");
            var result = await sp.GetRequiredService<OutboxSender>().DeliverDueAsync(token);
            Console.WriteLine($"收件夹 {paths.Inbox}：处理 {outcomes.Count} 个文件（登记 {outcomes.Count(o => o.IsAccepted)}，退回 {outcomes.Count(o => !o.IsAccepted)}）。");
            Console.WriteLine($"邮件：发出 {result.Sent}，待重试 {result.Retried}，失败 {result.Failed}。");
            return 0;
        }));
        return command;
    }
}

internal static class DeliverCommand
{
    public static Command Create()
    {
        var command = new Command("deliver", "发送发件箱中待发的邮件（未配置 SMTP 时写入 data/outbox/*.eml）");
        command.SetAction((parse, ct) => CommandLine.Execute(async (sp, token) =>
        {
            var result = await sp.GetRequiredService<OutboxSender>().DeliverDueAsync(token);
            Console.WriteLine($"邮件：发出 {result.Sent}，待重试 {result.Retried}，失败 {result.Failed}。");
            if (result.Unconfirmed > 0)
                Console.WriteLine($"注意：{result.Unconfirmed} 封邮件上次发送时中断，且未配置投递日志（Mail:JournalAddress），无法确认是否已送达，已按原 Message-Id 重发，收件人可能收到两份。");
            Console.WriteLine(OutboxCommand.CountsLine(sp.GetRequiredService<OutboxAdmin>().Counts()));
            return 0;
        }));
        return command;
    }
}
