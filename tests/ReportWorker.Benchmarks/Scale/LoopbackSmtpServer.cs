using System.Buffers;
using System.Net;
using System.Net.Sockets;
using System.IO.Pipelines;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using SmtpServer;
using SmtpServer.IO;
using SmtpServer.Net;
using SmtpServer.Mail;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace ReportWorker.Benchmarks.Scale;

/// <summary>
/// A plain SMTP server in-process on 127.0.0.1 (no TLS, no login: a relay on this machine), adapted
/// from the tests' SmtpTestServer. It takes every message and only counts it: parsing what arrived
/// would spend the same two cores the worker is being measured on. Its sockets answer without Nagle's
/// delay: SmtpServer's own listener leaves it on, and then each pipelined reply waits for the client's
/// delayed ACK, about 44 ms a message on this machine, a stall of the test server and not of the worker.
/// </summary>
internal sealed class LoopbackSmtpServer : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly SmtpServer.SmtpServer _server;
    private readonly Task _running;
    private long _messages, _bytes, _recipients;

    public LoopbackSmtpServer()
    {
        Port = FreePort();
        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(b => b.Endpoint(new IPEndPoint(IPAddress.Loopback, Port)).IsSecure(false).AuthenticationRequired(false))
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Store(this));
        services.Add(new NoDelayListenerFactory());
        _server = new SmtpServer.SmtpServer(options, services);
        _running = _server.StartAsync(_stop.Token);
    }

    public int Port { get; }
    public long Messages => Interlocked.Read(ref _messages);
    public long Bytes => Interlocked.Read(ref _bytes);
    public long Recipients => Interlocked.Read(ref _recipients);

    /// <summary>Worker settings that send to this server.</summary>
    public Dictionary<string, string?> Settings() => new()
    {
        ["Mail:Smtp:Host"] = "127.0.0.1",
        ["Mail:Smtp:Port"] = Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Mail:Smtp:Security"] = "None",
        ["Mail:Smtp:UserName"] = "",
        ["Mail:Smtp:Password"] = "",
        ["Mail:MaxMessagesPerMinute"] = "0",
        ["Mail:JournalAddress"] = "",
    };

    public async ValueTask DisposeAsync()
    {
        _server.Shutdown();
        await _stop.CancelAsync();
        try { await _running.WaitAsync(TimeSpan.FromSeconds(5)); } catch (OperationCanceledException) { } catch (TimeoutException) { }
        _stop.Dispose();
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private sealed class Store(LoopbackSmtpServer server) : MessageStore
    {
        public override Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken ct)
        {
            Interlocked.Increment(ref server._messages);
            Interlocked.Add(ref server._bytes, buffer.Length);
            Interlocked.Add(ref server._recipients, transaction.To.Count);
            return Task.FromResult(SmtpResponse.Ok);
        }
    }

    private sealed class NoDelayListenerFactory : IEndpointListenerFactory
    {
        public IEndpointListener CreateListener(IEndpointDefinition endpoint)
        {
            var listener = new TcpListener(endpoint.Endpoint);
            listener.Start();
            return new Listener(listener);
        }
    }

    private sealed class Listener(TcpListener listener) : IEndpointListener
    {
        public async Task<ISecurableDuplexPipe> GetPipeAsync(ISessionContext context, CancellationToken ct)
        {
            var client = await listener.AcceptTcpClientAsync(ct);
            client.NoDelay = true;
            return new PlainPipe(client);
        }

        public void Dispose() => listener.Stop();
    }

    private sealed class PlainPipe(TcpClient client) : ISecurableDuplexPipe
    {
        public PipeReader Input { get; } = PipeReader.Create(client.GetStream());
        public PipeWriter Output { get; } = PipeWriter.Create(client.GetStream());
        public bool IsSecure => false;
        public SslProtocols SslProtocol => SslProtocols.None;
        public Task UpgradeAsync(X509Certificate certificate, SslProtocols protocols, CancellationToken ct) => throw new NotSupportedException("plain SMTP only");
        public void Dispose() => client.Dispose();
    }
}
