using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ReportWorker.Intake;

/// <summary>
/// At the service's start: warns in the log when the mailbox is read but its senders are not verified, since then a
/// form from anyone who writes a liaison's address into From is recorded as the unit's. <c>jobs</c> prints the same
/// warning (<see cref="SenderCheck.NotVerifiedWarning"/>).
/// </summary>
internal sealed partial class SenderCheckStartupWarning(IOptions<MailboxOptions> options, ILogger<SenderCheckStartupWarning> logger) : IHostedLifecycleService
{
    public Task StartedAsync(CancellationToken ct)
    {
        var o = options.Value;
        if (SenderCheck.NotVerifiedWarning(o) is not null)
            SendersNotVerified(logger, o.AuthServId.Length == 0 ? $"{MailboxOptions.SectionName}:AuthServId is empty" : $"{MailboxOptions.SectionName}:SenderPolicy is Off");
        return Task.CompletedTask;
    }

    [LoggerMessage(EventId = 2120, EventName = "SendersNotVerified", Level = LogLevel.Warning,
        Message = "Mailbox senders are not verified ({Why}): a form from anyone who writes a liaison's address into From is recorded as the unit's. Set Intake:Mailbox:AuthServId to the receiving server's authserv-id, and SenderPolicy to Require (or Warn).")]
    private static partial void SendersNotVerified(ILogger logger, string why);

    public Task StartingAsync(CancellationToken ct) => Task.CompletedTask;
    public Task StartAsync(CancellationToken ct) => Task.CompletedTask;
    public Task StoppingAsync(CancellationToken ct) => Task.CompletedTask;
    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
    public Task StoppedAsync(CancellationToken ct) => Task.CompletedTask;
}
