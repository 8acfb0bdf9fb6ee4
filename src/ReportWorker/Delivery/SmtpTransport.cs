using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;
using Polly;

namespace ReportWorker.Delivery;

/// <summary>
/// Sends over SMTP with MailKit: one connection and one login per delivery run, connected again if it
/// drops. A 5xx about a message is permanent, a 4xx or a dropped connection transient (see <see cref="SmtpFailures"/>).
/// </summary>
public sealed class SmtpTransport(IOptions<MailOptions> options, ILogger<SmtpTransport> logger) : IMailTransport
{
    private readonly ResiliencePipeline _connect = SmtpFailures.ConnectPipeline(options.Value.Smtp, logger);

    public bool ResendIsHarmless => false;

    public IMailSession OpenSession() => new Session(options.Value, _connect, logger);

    private sealed class Session(MailOptions options, ResiliencePipeline connect, ILogger logger) : IMailSession
    {
        private readonly SmtpOptions _smtp = options.Smtp;
        private RefusalRecordingSmtpClient? _client;

        private string Where => $"smtp://{_smtp.Host}:{_smtp.Port}";

        public async Task EnsureConnectedAsync(CancellationToken ct)
        {
            if (_client is { IsConnected: true }) return;
            try
            {
                await connect.ExecuteAsync(async token =>
                {
                    Drop();
                    _client = NewClient();
                    await _client.ConnectAsync(await OpenSocketAsync(_smtp.Host, _smtp.Port, token), _smtp.Host, _smtp.Port, Map(_smtp.Security), token);
                    if (_smtp.UserName.Length > 0) await _client.AuthenticateAsync(_smtp.UserName, _smtp.Password, token);
                }, ct);
                DeliveryLog.Connected(logger, Where);
            }
            catch (Exception ex) when (SmtpFailures.MeansUnavailable(ex, ct))
            {
                Drop();
                var what = ex is AuthenticationException ? "SMTP authentication failed" : "cannot connect";
                throw new MailServerUnavailableException($"{Where} {what}: {ex.Message}", ex);
            }
        }

        public async Task<Handover> SendAsync(QueuedMessage message, IReadOnlyList<string> recipients, CancellationToken ct)
        {
            var client = _client ?? throw new InvalidOperationException("Connect before sending.");
            // Parsed in place (persistent): attachments stay slices of the stored bytes rather than copies, and
            // a memory stream needs no asynchronous reads.
            using var stream = new MemoryStream(message.Mime, writable: false);
            using var mime = MimeMessage.Load(stream, persistent: true, ct);
            // The envelope is the recipients still due, not the headers: a deferred liaison of a Bcc circular goes
            // later in a transaction of its own, under the same Message-Id and the same headers.
            var envelope = recipients.Distinct(StringComparer.OrdinalIgnoreCase).Select(a => new MailboxAddress("", a)).ToList();
            var journal = options.JournalAddress;
            // The journal copy rides in the envelope only: recipients never see the address.
            if (journal.Length > 0 && !envelope.Any(r => r.Address.Equals(journal, StringComparison.OrdinalIgnoreCase)))
                envelope.Add(new MailboxAddress("", journal));
            client.Clear();
            var transacted = true;
            try
            {
                var reply = await client.SendAsync(mime, new MailboxAddress(options.FromName, options.FromAddress), envelope, ct);
                DeliveryLog.ServerAccepted(logger, message.Id, message.MessageId, reply);
            }
            catch (NoRecipientAcceptedException)
            {
                // Nothing went; each recipient's answer is recorded. The transaction was left half way: start afresh.
                transacted = false;
                Drop();
            }
            catch (SmtpCommandException ex) when (SmtpFailures.IsPermanent(ex))
            {
                throw new PermanentDeliveryException(Describe(ex, client.Refused), ex);
            }
            catch (Exception ex) when (SmtpFailures.IsTransient(ex, ct))
            {
                // After a failure inside a transaction the connection's state is unknown; a fresh one costs one handshake.
                Drop();
                throw new TransientDeliveryException(ex is SmtpCommandException c ? Describe(c, []) : $"{ex.GetType().Name}: {ex.Message}", ex);
            }
            bool Ours(RefusedRecipient r) => !r.Address.Equals(journal, StringComparison.OrdinalIgnoreCase);
            if (client.Refused.Concat(client.Deferred).Any(r => !Ours(r))) DeliveryLog.JournalRefused(logger, message.Id, journal);
            var refused = client.Refused.Where(Ours).ToArray();
            var deferred = client.Deferred.Where(Ours).ToArray();
            var accepted = transacted
                ? recipients.Where(a => !refused.Concat(deferred).Any(r => r.Address.Equals(a, StringComparison.OrdinalIgnoreCase))).ToArray()
                : [];
            return new Handover(Where, accepted, refused, deferred, transacted && (accepted.Length > 0 || journal.Length > 0));
        }

        public async ValueTask DisposeAsync()
        {
            if (_client is { IsConnected: true } client)
            {
                try { await client.DisconnectAsync(quit: true); }
                catch (Exception ex) when (ex is IOException or SmtpProtocolException or SmtpCommandException or TimeoutException)
                {
                    // Everything was recorded already; a QUIT that fails changes nothing.
                }
            }
            Drop();
        }

        private RefusalRecordingSmtpClient NewClient()
        {
            var client = new RefusalRecordingSmtpClient { Timeout = _smtp.TimeoutSeconds * 1000 };
            if (_smtp.AcceptAnyCertificate) client.ServerCertificateValidationCallback = (_, _, _, _) => true;
            return client;
        }

        private void Drop()
        {
            _client?.Dispose();
            _client = null;
        }

        private static string Describe(SmtpCommandException ex, IReadOnlyList<RefusedRecipient> refused) =>
            $"SMTP {(int)ex.StatusCode} {ex.ErrorCode}: {ex.Message}{(refused.Count > 0 ? " Refused: " + string.Join("; ", refused) : "")}";
    }

    private static SecureSocketOptions Map(SmtpSecurity security) => security switch
    {
        SmtpSecurity.None => SecureSocketOptions.None,
        SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
        SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.Auto,
    };

    /// <summary>
    /// A TCP connection with Nagle's algorithm off. SMTP is a conversation of short lines; with Nagle on,
    /// the end of each message waits for the server's delayed acknowledgement, about 25 ms a message.
    /// </summary>
    private static async Task<System.Net.Sockets.Socket> OpenSocketAsync(string host, int port, CancellationToken ct)
    {
        var socket = new System.Net.Sockets.Socket(System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(host, port, ct);
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
