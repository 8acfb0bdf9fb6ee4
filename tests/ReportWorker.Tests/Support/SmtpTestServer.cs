using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using MimeKit;
using SmtpServer;
using SmtpServer.Authentication;
using SmtpServer.Mail;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace ReportWorker.Tests.Support;

/// <summary>
/// A real SMTP server in-process on 127.0.0.1: STARTTLS with a certificate made here, AUTH required.
/// It counts sessions and commands, and can be told to refuse recipients or answer a DATA with an error
/// (and hang up). Stop it and start another on the same <see cref="Port"/> to play an outage.
/// </summary>
public sealed class SmtpTestServer : IAsyncDisposable
{
    public const string User = "reportworker";
    public const string Password = "smtp-test-pw";
    private readonly CancellationTokenSource _stop = new();
    private readonly SmtpServer.SmtpServer _server;
    private readonly Task _running;
    private readonly Func<DateTimeOffset> _clock;
    private int _sessions, _mailFrom, _rcptTo, _data;

    public SmtpTestServer(Func<string, bool>? acceptRecipient = null, int? port = null, Func<DateTimeOffset>? clock = null)
    {
        Port = port ?? FreePort();
        _clock = clock ?? (() => DateTimeOffset.UtcNow);
        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(b => b.Endpoint(new IPEndPoint(IPAddress.Loopback, Port)).Certificate(Certificate()).AllowUnsecureAuthentication(false).AuthenticationRequired(true))
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Store(this));
        services.Add(new Filter(this, acceptRecipient ?? (_ => true)));
        services.Add(new Authenticator());
        _server = new SmtpServer.SmtpServer(options, services);
        _server.SessionCreated += (_, e) =>
        {
            Interlocked.Increment(ref _sessions);
            e.Context.CommandExecuting += (_, c) =>
            {
                switch (c.Command)
                {
                    case MailCommand: Interlocked.Increment(ref _mailFrom); break;
                    case RcptCommand: Interlocked.Increment(ref _rcptTo); break;
                    case DataCommand: Interlocked.Increment(ref _data); break;
                }
            };
        };
        _running = _server.StartAsync(_stop.Token);
    }

    public int Port { get; }

    /// <summary>Called with the envelope recipients and raw bytes of each accepted message before the 250 is sent.</summary>
    public Func<IReadOnlyList<string>, byte[], Task>? Relay { get; set; }
    public ConcurrentQueue<ReceivedMail> Received { get; } = new();
    /// <summary>Connections the server took (each one SMTP session).</summary>
    public int Sessions => Volatile.Read(ref _sessions);
    public int MailFromCommands => Volatile.Read(ref _mailFrom);
    public int RcptToCommands => Volatile.Read(ref _rcptTo);
    public int DataCommands => Volatile.Read(ref _data);

    /// <summary>Given the 1-based number of a message's DATA, an error reply to give instead of 250 (null: accept).</summary>
    public Func<int, SmtpResponseException?>? FailData { get; set; }
    /// <summary>Given a recipient, an error reply to give to its RCPT TO (null: as acceptRecipient says).</summary>
    public Func<string, SmtpResponseException?>? FailRecipient { get; set; }

    /// <summary>An error reply; <paramref name="hangUp"/> closes the connection after it.</summary>
    public static SmtpResponseException Reply(int code, string text, bool hangUp = false) => new(new SmtpResponse((SmtpReplyCode)code, text), hangUp);

    public IReadOnlyList<ReceivedMail> ByMessageId(string messageId) => Received.Where(r => r.Message.MessageId == messageId).ToArray();

    public Dictionary<string, string?> Settings() => ForPort(Port);

    /// <summary>Worker settings that point at a server on this port (running or not).</summary>
    public static Dictionary<string, string?> ForPort(int port) => new()
    {
        ["Mail:Smtp:Host"] = "127.0.0.1",
        ["Mail:Smtp:Port"] = port.ToString(),
        ["Mail:Smtp:Security"] = "StartTls",
        ["Mail:Smtp:UserName"] = User,
        ["Mail:Smtp:Password"] = Password,
        ["Mail:Smtp:AcceptAnyCertificate"] = "true",
        ["Mail:Smtp:TimeoutSeconds"] = "10",
        ["Mail:Smtp:RetryDelayMilliseconds"] = "10",
    };

    /// <summary>The same settings as environment variables for the real executable.</summary>
    public static Dictionary<string, string> AsEnvironment(IDictionary<string, string?> settings) =>
        settings.ToDictionary(s => s.Key.Replace(":", "__"), s => s.Value ?? "");

    public async ValueTask DisposeAsync()
    {
        _server.Shutdown();
        await _stop.CancelAsync();
        try { await _running.WaitAsync(TimeSpan.FromSeconds(5)); } catch (OperationCanceledException) { }
        _stop.Dispose();
    }

    public static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private static X509Certificate2 Certificate()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256);
        using var cert = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(2));
        return X509CertificateLoader.LoadPkcs12(cert.Export(X509ContentType.Pfx), null);
    }

    private sealed class Store(SmtpTestServer server) : MessageStore
    {
        private int _count;

        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken ct)
        {
            if (server.FailData?.Invoke(Interlocked.Increment(ref _count)) is { } failure)
            {
                if (!failure.IsQuitRequested) return failure.Response;
                // Say it and hang up at once, as a relay that is shutting down does (the library would leave the socket open).
                await SmtpServer.IO.PipeWriterExtensions.WriteReplyAsync(context.Pipe.Output, failure.Response, ct);
                ((IDisposable)context.Pipe).Dispose();
                throw failure;
            }
            var raw = buffer.ToArray();
            // Local delivery, as a relay does for its own mailboxes (the worker's journal copy).
            if (server.Relay is { } relay) await relay(transaction.To.Select(t => $"{t.User}@{t.Host}").ToArray(), raw);
            using var stream = new MemoryStream(raw);
            var message = await MimeMessage.LoadAsync(stream, ct);
            server.Received.Enqueue(new ReceivedMail(transaction.To.Select(t => $"{t.User}@{t.Host}").ToArray(), message, server._clock()));
            return SmtpResponse.Ok;
        }
    }

    private sealed class Filter(SmtpTestServer server, Func<string, bool> accept) : IMailboxFilter
    {
        public Task<bool> CanAcceptFromAsync(ISessionContext context, IMailbox from, int size, CancellationToken ct) => Task.FromResult(true);

        public Task<bool> CanDeliverToAsync(ISessionContext context, IMailbox to, IMailbox from, CancellationToken ct)
        {
            var address = $"{to.User}@{to.Host}";
            if (server.FailRecipient?.Invoke(address) is { } failure) throw failure;
            return Task.FromResult(accept(address));
        }
    }

    private sealed class Authenticator : IUserAuthenticator
    {
        public Task<bool> AuthenticateAsync(ISessionContext context, string user, string password, CancellationToken ct) =>
            Task.FromResult(user == User && password == Password);
    }
}

/// <summary>One message as the server stored it: the envelope recipients, the message, and when (on the test's clock).</summary>
public sealed record ReceivedMail(IReadOnlyList<string> To, MimeMessage Message, DateTimeOffset At)
{
    public void Deconstruct(out IReadOnlyList<string> to, out MimeMessage message) => (to, message) = (To, Message);

    public string? Kind => Message.Headers["X-ReportWorker-Kind"];
}
