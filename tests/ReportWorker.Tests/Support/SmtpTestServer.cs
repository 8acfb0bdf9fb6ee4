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
using SmtpServer.Storage;

namespace ReportWorker.Tests.Support;

/// <summary>A real SMTP server in-process on 127.0.0.1: STARTTLS with a certificate made here, AUTH required.</summary>
public sealed class SmtpTestServer : IAsyncDisposable
{
    public const string User = "reportworker";
    public const string Password = "smtp-test-pw";
    private readonly CancellationTokenSource _stop = new();
    private readonly SmtpServer.SmtpServer _server;
    private readonly Task _running;

    public SmtpTestServer(Func<string, bool>? acceptRecipient = null, int? port = null)
    {
        Port = port ?? FreePort();
        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(b => b.Endpoint(new IPEndPoint(IPAddress.Loopback, Port)).Certificate(Certificate()).AllowUnsecureAuthentication(false).AuthenticationRequired(true))
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Store(Received));
        services.Add(new Filter(acceptRecipient ?? (_ => true)));
        services.Add(new Authenticator());
        _server = new SmtpServer.SmtpServer(options, services);
        _running = _server.StartAsync(_stop.Token);
    }

    public int Port { get; }
    public ConcurrentQueue<(IReadOnlyList<string> To, MimeMessage Message)> Received { get; } = new();

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
    };

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

    private sealed class Store(ConcurrentQueue<(IReadOnlyList<string>, MimeMessage)> received) : MessageStore
    {
        public override async Task<SmtpServer.Protocol.SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken ct)
        {
            using var stream = new MemoryStream(buffer.ToArray());
            var message = await MimeMessage.LoadAsync(stream, ct);
            received.Enqueue((transaction.To.Select(t => $"{t.User}@{t.Host}").ToArray(), message));
            return SmtpServer.Protocol.SmtpResponse.Ok;
        }
    }

    private sealed class Filter(Func<string, bool> accept) : IMailboxFilter
    {
        public Task<bool> CanAcceptFromAsync(ISessionContext context, IMailbox from, int size, CancellationToken ct) => Task.FromResult(true);
        public Task<bool> CanDeliverToAsync(ISessionContext context, IMailbox to, IMailbox from, CancellationToken ct) => Task.FromResult(accept($"{to.User}@{to.Host}"));
    }

    private sealed class Authenticator : IUserAuthenticator
    {
        public Task<bool> AuthenticateAsync(ISessionContext context, string user, string password, CancellationToken ct) =>
            Task.FromResult(user == User && password == Password);
    }
}
