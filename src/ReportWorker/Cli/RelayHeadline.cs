using Microsoft.Extensions.DependencyInjection;
using ReportWorker.Calendar;
using ReportWorker.Delivery;
using ReportWorker.Hosting;

namespace ReportWorker.Cli;

/// <summary>
/// The first line of `jobs`, `status` and `outbox` while the relay cannot be reached: no alert can be mailed then, so
/// the operator must read it where they look.
/// </summary>
internal static class RelayHeadline
{
    public static string? For(IServiceProvider sp)
    {
        if (sp.GetRequiredService<OutboxAdmin>().RelayStatus() is not { } down) return null;
        var since = sp.GetRequiredService<ReportingCalendar>().ToLocal(down.Since);
        return $"【邮件服务器无法连接】自 {since:yyyy-MM-dd HH:mm} 起连不上邮件服务器，{down.Waiting} 封邮件等待中（恢复后自动发出，期间无法发出告警邮件）：{down.Error}。请检查 Mail:Smtp 设置和网络，然后运行 {CommandName.Value} deliver。";
    }
}
