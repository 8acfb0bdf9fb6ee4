using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace ReportWorker.Delivery;

/// <summary>
/// Sends over SMTP with MailKit. A refused recipient or sender (5xx) is permanent; a dropped
/// connection, a timeout or a 4xx is transient and left for the next attempt.
/// </summary>
public sealed class SmtpTransport(IOptions<MailOptions> options) : IMailTransport
{
    public async Task<string> DeliverAsync(QueuedMessage message, CancellationToken ct)
    {
        var o = options.Value.Smtp;
        using var stream = new MemoryStream(message.Mime);
        var mime = await MimeMessage.LoadAsync(stream, ct);
        using var client = new SmtpClient { Timeout = o.TimeoutSeconds * 1000 };
        if (o.AcceptAnyCertificate) client.ServerCertificateValidationCallback = (_, _, _, _) => true;
        try
        {
            await client.ConnectAsync(o.Host, o.Port, Map(o.Security), ct);
            if (o.UserName.Length > 0) await client.AuthenticateAsync(o.UserName, o.Password, ct);
            await client.SendAsync(mime, ct);
            await client.DisconnectAsync(quit: true, ct);
            return $"smtp://{o.Host}:{o.Port}";
        }
        catch (SmtpCommandException ex) when ((int)ex.StatusCode >= 500)
        {
            throw new PermanentDeliveryException($"SMTP {(int)ex.StatusCode} {ex.ErrorCode}: {ex.Message}", ex);
        }
        catch (AuthenticationException ex)
        {
            // Wrong credentials will not fix themselves, but an operator can fix them: retry with backoff.
            throw new IOException($"SMTP authentication failed: {ex.Message}", ex);
        }
    }

    internal static bool IsTransient(Exception ex) =>
        ex is IOException or SocketException or TimeoutException or ServiceNotConnectedException or ServiceNotAuthenticatedException
            or SmtpProtocolException or SslHandshakeException or OperationCanceledException
        || ex is SmtpCommandException { StatusCode: < (SmtpStatusCode)500 };

    private static SecureSocketOptions Map(SmtpSecurity security) => security switch
    {
        SmtpSecurity.None => SecureSocketOptions.None,
        SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
        SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.Auto,
    };
}
