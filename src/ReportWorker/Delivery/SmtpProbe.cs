using MailKit.Security;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ReportWorker.Delivery;

/// <summary>
/// How the relay answered a probe. <see cref="Failure"/> is the server's (or the network's) own words; null when it was reached.
/// <see cref="LoginRefused"/>: it answered, but refused the user name and password.
/// </summary>
public sealed record RelayProbe(bool Reached, bool TimedOut, bool LoginRefused, string? Failure);

/// <summary>
/// Connects to the relay and logs in through the very session a delivery run uses, sends nothing, and says QUIT
/// (for <c>health</c>). One try within <c>wait</c>: a check answers now, it does not bridge a blip as a delivery run does.
/// </summary>
public static class SmtpProbe
{
    public static async Task<RelayProbe> ProbeAsync(SmtpOptions smtp, TimeSpan wait, ILogger<SmtpTransport> logger, CancellationToken ct)
    {
        var once = new MailOptions
        {
            Smtp = new SmtpOptions
            {
                Host = smtp.Host, Port = smtp.Port, Security = smtp.Security, UserName = smtp.UserName, Password = smtp.Password,
                AcceptAnyCertificate = smtp.AcceptAnyCertificate, TimeoutSeconds = (int)Math.Ceiling(wait.TotalSeconds), ConnectRetries = 0,
            },
        };
        // The socket's own connect timeout is minutes on Linux (a host that drops packets): the deadline cuts it short.
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(wait);
        var session = new SmtpTransport(Options.Create(once), logger).OpenSession();
        try
        {
            await session.EnsureConnectedAsync(deadline.Token);
            return new RelayProbe(true, false, false, null);
        }
        catch (MailServerUnavailableException ex)
        {
            var cause = ex.InnerException ?? ex;
            return new RelayProbe(false, false, cause is AuthenticationException, cause.Message);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !ct.IsCancellationRequested)
        {
            return new RelayProbe(false, true, false, null);
        }
        finally
        {
            await session.DisposeAsync();
        }
    }
}
