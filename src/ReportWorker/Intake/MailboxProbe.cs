using MailKit;
using MailKit.Security;

namespace ReportWorker.Intake;

/// <summary>
/// How the mailbox answered a probe: reached, logged in and the intake folder opened (<see cref="Messages"/> in it),
/// or what stopped it in the server's own words. <see cref="FolderMissing"/>: logged in, but there is no such folder.
/// </summary>
public sealed record MailboxProbeResult(bool Reached, bool TimedOut, bool LoginRefused, bool FolderMissing, int Messages, string? Failure);

/// <summary>Logs in to the mailbox as the intake does and opens its folder read-only, taking nothing (for <c>health</c>).</summary>
public static class MailboxProbe
{
    public static async Task<MailboxProbeResult> ProbeAsync(MailboxOptions options, TimeSpan wait, CancellationToken ct)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(wait);
        try
        {
            using var client = await MailboxConnection.OpenAsync(options, deadline.Token);
            var folder = await MailboxConnection.FindAsync(client, options.Folder, deadline.Token);
            if (folder is null) return new MailboxProbeResult(true, false, false, true, 0, null);
            await folder.OpenAsync(FolderAccess.ReadOnly, deadline.Token);
            var messages = folder.Count;
            await client.DisconnectAsync(quit: true, deadline.Token);
            return new MailboxProbeResult(true, false, false, false, messages, null);
        }
        catch (Exception ex) when (MailboxConnection.IsTransient(ex))
        {
            return new MailboxProbeResult(false, false, ex is AuthenticationException, false, 0, ex.Message);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !ct.IsCancellationRequested)
        {
            return new MailboxProbeResult(false, true, false, false, 0, null);
        }
    }
}
