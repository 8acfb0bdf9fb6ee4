using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ReportWorker.Delivery;
using ReportWorker.Intake;
using ReportWorker.Storage;

namespace ReportWorker.Cli;

internal static class IntakeCommand
{
    public static Command Create()
    {
        var command = new Command("intake", "处理一次收件夹（data/inbox）与收件邮箱（如已配置 Intake:Mailbox）中的回传报表，并发出回执或退回");
        command.SetAction((parse, ct) => CommandLine.Execute(async (sp, token) =>
        {
            var paths = sp.GetRequiredService<DataPaths>();
            var outcomes = sp.GetRequiredService<FolderIntake>().ProcessInbox(TimeSpan.Zero, token);
            foreach (var o in outcomes) Console.WriteLine(Line(o));
            var exit = 0;
            var mailbox = sp.GetRequiredService<MailboxIntake>();
            IReadOnlyList<MailboxOutcome> messages = [];
            if (mailbox.Enabled)
            {
                try { messages = await mailbox.ProcessAsync(token); }
                catch (Exception ex) when (MailboxIntake.IsTransient(ex))
                {
                    var o = sp.GetRequiredService<IOptions<MailboxOptions>>().Value;
                    Console.Error.WriteLine($"错误：无法读取收件邮箱 {o.Host}:{o.Port}（{ex.Message}）；邮件留在邮箱中，下次再处理。");
                    exit = 1;
                }
                foreach (var m in messages)
                {
                    Console.WriteLine($"邮件  {m.Sender ?? "(无发件人)"}  “{m.Subject}”  {Disposition(m)} → {m.Folder}");
                    foreach (var o in m.Files) Console.WriteLine("  " + Line(o));
                }
            }
            var result = await sp.GetRequiredService<OutboxSender>().DeliverDueAsync(token);
            Console.WriteLine($"收件夹 {paths.Inbox}：处理 {outcomes.Count} 个文件（登记 {outcomes.Count(o => o.IsAccepted)}，退回 {outcomes.Count(o => !o.IsAccepted)}）。");
            if (mailbox.Enabled)
            {
                var files = messages.SelectMany(m => m.Files).ToArray();
                Console.WriteLine($"收件邮箱：处理 {messages.Count} 封邮件，{files.Length} 个附件（登记 {files.Count(o => o.IsAccepted)}，退回 {files.Count(o => !o.IsAccepted)}）。");
            }
            Console.WriteLine($"邮件：发出 {result.Sent}，待重试 {result.Retried}，失败 {result.Failed}。");
            return exit;
        }));
        return command;
    }

    // The file's own name first: "#122 U01 2025-04" alone did not tell the operator which of the unit's files it was.
    internal static string Line(IntakeOutcome o) => o.IsAccepted
        ? $"登记  #{o.ReceivedFileId}  “{o.FileName}”  {o.UnitCode} {o.Month}{(o.Warnings.Count > 0 ? $"  提示 {o.Warnings.Count} 条" : "")}"
        : $"退回  #{o.ReceivedFileId}  “{o.FileName}”  {o.UnitCode ?? "-"} {o.Month ?? ""}  " +
          (o.Errors.Count == 0 ? "(之前已处理)" : o.Errors.Count == 1 ? o.Errors[0].ToString() : $"共 {o.Errors.Count} 处问题，第一处：{o.Errors[0]}（全部问题已写在退回邮件中）");

    private static string Disposition(MailboxOutcome m) => m.Disposition switch
    {
        MailboxOutcome.Taken => $"{m.Files.Count} 个附件",
        MailboxOutcome.NoAttachment => "没有附件，已退回并说明",
        MailboxOutcome.Automatic => "自动邮件（退信/自动回复），不回复",
        MailboxOutcome.NoSender => "没有发件人，不处理",
        MailboxOutcome.Journal => "本系统发出邮件的副本",
        MailboxOutcome.AlreadyTaken => "之前已处理，仅移动",
        MailboxOutcome.Objection => "考核异议，已登记并转工委办公室",
        MailboxOutcome.NotAnswered => "无需答复（没有报表，也不是异议；或非本系统邮件的退信）",
        MailboxOutcome.Bounce => "退信，已记录未送达的收件人，不回复",
        MailboxOutcome.SenderUnverified => "发件人未通过验证，未登记，已通知本单位联络员和工委办公室",
        _ => m.Disposition,
    };
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
            var admin = sp.GetRequiredService<OutboxAdmin>();
            // "发出 0" alone, with forty messages waiting in their back-off, told the operator nothing.
            if (admin.Waiting() is { Count: > 0 } waiting)
                Console.WriteLine(OutboxCommand.WaitingLine(waiting.Count, waiting.Earliest, sp.GetRequiredService<Calendar.ReportingCalendar>()));
            if (result.Unconfirmed > 0)
                Console.WriteLine($"注意：{result.Unconfirmed} 封邮件上次发送时中断，且未配置投递日志（Mail:JournalAddress），无法确认是否已送达，已按原 Message-Id 重发，收件人可能收到两份。");
            Console.WriteLine(OutboxCommand.CountsLine(sp.GetRequiredService<OutboxAdmin>().Counts()));
            return 0;
        }));
        return command;
    }
}
