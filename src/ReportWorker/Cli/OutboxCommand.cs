using ReportWorker.Hosting;
using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using ReportWorker.Calendar;
using ReportWorker.Delivery;
using ReportWorker.Text;

namespace ReportWorker.Cli;

/// <summary>`outbox`: what waits, what failed and why; `outbox retry ID`: try a failed or stuck message again now.</summary>
internal static class OutboxCommand
{
    public static Command Create()
    {
        var outbox = new Command("outbox", "查看发件箱：各状态邮件数量，以及待发、发送中、失败的邮件");
        outbox.SetAction((parse, ct) => CommandLine.Execute((sp, _) =>
        {
            var admin = sp.GetRequiredService<OutboxAdmin>();
            if (RelayHeadline.For(sp) is { } relay) Console.WriteLine(relay);
            var calendar = sp.GetRequiredService<ReportingCalendar>();
            if (admin.Waiting() is { Count: > 0 } waiting) Console.WriteLine(WaitingLine(waiting.Count, waiting.Earliest, calendar));
            Console.Write(Render(admin.Counts(), admin.Unfinished(), calendar, admin.RecipientCounts(), admin.Unreached()));
            return Task.FromResult(0);
        }));

        var id = new Argument<string?>("ID") { Description = $"邮件编号（见 {CommandName.Value} outbox 的“编号”列）", Arity = ArgumentArity.ZeroOrOne };
        var allFailed = new Option<bool>("--all-failed") { Description = "重试所有发送失败的邮件" };
        var unit = new Option<string?>("--unit") { Description = "重试这个单位（单位代码）所有尚未送达的邮件，按现在的联络员邮箱发送" };
        var retry = new Command("retry", "将失败或长时间未发出的邮件放回待发队列，重新计数尝试次数，下次发送时即发出") { id, allFailed, unit };
        retry.SetAction((parse, ct) => CommandLine.Execute((sp, _) =>
        {
            var admin = sp.GetRequiredService<OutboxAdmin>();
            var text = parse.GetValue(id);
            var unitCode = parse.GetValue(unit)?.Trim().ToUpperInvariant();
            var all = parse.GetValue(allFailed);
            if ((text is null ? 0 : 1) + (all ? 1 : 0) + (unitCode is null ? 0 : 1) != 1)
                throw new CommandException($"请只写一种：邮件编号（如 {CommandName.Value} outbox retry 12）、--all-failed（所有失败的邮件）或 --unit 单位代码（该单位所有未送达的邮件）。");
            if (text is null)
            {
                var ids = admin.RetryAll(unitCode);
                Console.WriteLine(ids.Count == 0
                    ? unitCode is null ? "没有发送失败的邮件。" : $"单位 {unitCode} 没有尚未送达的邮件。"
                    : $"已将 {ids.Count} 封邮件（#{string.Join("、#", ids)}）放回待发队列，未送达的收件人按现在的联络员邮箱发送。后台服务下次发送时即发出；也可运行 {CommandName.Value} deliver 立即发送。");
                return Task.FromResult(0);
            }
            if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
                throw new CommandException($"邮件编号“{text}”不对，应为数字，例如 12。运行 {CommandName.Value} outbox 可查看编号。");
            Console.WriteLine(Retry(admin, number, sp.GetRequiredService<ReportingCalendar>()));
            return Task.FromResult(0);
        }));
        outbox.Subcommands.Add(retry);
        return outbox;
    }

    /// <summary>"N 封等待重试，最早于 …": what `deliver` and `outbox` say when messages wait in their back-off.</summary>
    internal static string WaitingLine(long count, string? earliest, ReportingCalendar calendar) =>
        $"{count} 封邮件等待重试，最早于 {Local(earliest, calendar)}；发送失败的可运行 {CommandName.Value} outbox retry --all-failed 立即重试。";

    internal static string CountsLine(IReadOnlyList<(OutboxState State, long Count)> counts)
    {
        var byState = counts.ToDictionary(c => c.State, c => c.Count);
        return $"发件箱：{string.Join("，", OutboxStates.All.Select(s => $"{StateName(s)} {byState.GetValueOrDefault(s)} 封"))}。";
    }

    internal static string Render(IReadOnlyList<(OutboxState State, long Count)> counts, IReadOnlyList<OutboxEntry> unfinished, ReportingCalendar calendar,
        IReadOnlyList<(RecipientState State, long Count)>? recipients = null, IReadOnlyList<RecipientAlert>? unreached = null)
    {
        var w = new StringWriter();
        w.WriteLine(CountsLine(counts));
        if (recipients is { Count: > 0 })
        {
            // Accepted by the relay and bounced afterwards are told apart: "sent" that was not received is what operators must see.
            var byState = recipients.ToDictionary(r => r.State, r => r.Count);
            w.WriteLine("收件人：" + string.Join("，", new[] { RecipientState.Sent, RecipientState.Bounced, RecipientState.Refused, RecipientState.Deferred, RecipientState.Expired, RecipientState.Pending, RecipientState.Replaced }
                .Select(st => $"{RecipientStates.Chinese(st)} {byState.GetValueOrDefault(st)}")) + "。");
        }
        if (unreached is { Count: > 0 })
        {
            w.WriteLine();
            w.WriteLine("未送达的收件人（地址有误的，更正单位名录后重新导入即自动改发新地址；其余处理后运行 outbox retry 编号）：");
            var t = new ConsoleTable("邮件编号", "单位", "地址", "情况", "对方服务器原话");
            foreach (var r in unreached) t.Add(r.OutboxId, r.UnitName ?? "", r.Address, RecipientStates.Chinese(r.Status), Shorten(r.LastReply));
            w.Write(t);
        }
        if (unfinished.Count == 0) w.WriteLine("没有待发、发送中或失败的邮件。");
        else
        {
            w.WriteLine();
            var table = new ConsoleTable("编号", "类型", "单位", "收件人", "状态", "已尝试", "下次尝试", "最近错误");
            foreach (var e in unfinished)
                table.Add(e.Id, MessageKinds.Chinese(e.Kind), e.UnitCode ?? "", Recipients(e.Recipients), StateName(e.Status), e.Attempts, NextAttempt(e, calendar), Shorten(e.LastError));
            w.Write(table);
        }
        if (unfinished.Any(e => e.Status == OutboxState.Failed))
        {
            w.WriteLine();
            w.WriteLine($"排除故障（检查 Mail:Smtp 设置或收件人地址）后，运行 {CommandName.Value} outbox retry 编号 重新发送。");
        }
        return w.ToString();
    }

    internal static string Retry(OutboxAdmin admin, long id, ReportingCalendar calendar)
    {
        var outcome = admin.Retry(id);
        var entry = admin.Find(id);
        return outcome switch
        {
            RetryOutcome.Requeued => $"已将邮件 #{id}（{MessageKinds.Chinese(entry!.Kind)}：{entry.Subject}）放回待发队列，尝试次数重新计算。后台服务下次发送时即发出；也可运行 {CommandName.Value} deliver 立即发送。",
            RetryOutcome.NotFound => throw new CommandException($"发件箱中没有编号为 {id} 的邮件。运行 {CommandName.Value} outbox 可查看待发和失败的邮件。"),
            RetryOutcome.AlreadySent => throw new CommandException($"邮件 #{id} 已于 {Local(entry!.DeliveredAt, calendar)} 发出，无需重试。"),
            _ => throw new CommandException($"邮件 #{id} 正在发送中，无需重试；如果发送它的进程已中断，下次发送时会自动核实并处理。"),
        };
    }

    private static string StateName(OutboxState state) => state switch
    {
        OutboxState.Pending => "待发",
        OutboxState.Sending => "发送中",
        OutboxState.Sent => "已发",
        OutboxState.Failed => "失败",
        _ => state.ToStored(),
    };

    private static string NextAttempt(OutboxEntry e, ReportingCalendar calendar) => e.Status switch
    {
        OutboxState.Failed => "不再重试",
        OutboxState.Sending => "",
        _ => e.NextAttemptAt is null ? "立即" : Local(e.NextAttemptAt, calendar),
    };

    private static string Local(string? stored, ReportingCalendar calendar) =>
        stored is null ? "" : calendar.ToLocal(DateTimeOffset.Parse(stored, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind)).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    // A circular's fifty addresses would make the row a thousand characters wide.
    private static string Recipients(string list)
    {
        var all = list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return all.Length <= 2 ? string.Join(", ", all) : $"{all[0]} 等 {all.Length} 个";
    }

    private static string Shorten(string? text)
    {
        if (text is null) return "";
        text = text.ReplaceLineEndings(" ");
        return text.Length <= 100 ? text : text[..99] + "…";
    }
}
