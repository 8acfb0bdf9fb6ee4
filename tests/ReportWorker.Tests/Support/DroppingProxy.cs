using System.Net;
using System.Net.Sockets;

namespace ReportWorker.Tests.Support;

/// <summary>
/// A TCP front for a server on 127.0.0.1: it hangs up on the first <c>drop</c> connections at once (the
/// client sees the connection cut before the greeting) and passes every later one through.
/// </summary>
public sealed class DroppingProxy : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;
    private int _connections;

    public DroppingProxy(int targetPort, int drop)
    {
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _accepting = AcceptAsync(targetPort, drop);
    }

    public int Port { get; }
    public int Connections => Volatile.Read(ref _connections);

    private async Task AcceptAsync(int targetPort, int drop)
    {
        try
        {
            while (true)
            {
                var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                if (Interlocked.Increment(ref _connections) <= drop)
                {
                    client.Client.LingerState = new LingerOption(true, 0); // RST, like a relay that is restarting
                    client.Dispose();
                    continue;
                }
                _ = PipeAsync(client, targetPort);
            }
        }
        catch (OperationCanceledException) { }
    }

    private async Task PipeAsync(TcpClient client, int targetPort)
    {
        using (client)
        using (var server = new TcpClient())
        {
            try
            {
                await server.ConnectAsync(IPAddress.Loopback, targetPort, _stop.Token);
                var a = client.GetStream();
                var b = server.GetStream();
                await Task.WhenAny(a.CopyToAsync(b, _stop.Token), b.CopyToAsync(a, _stop.Token));
            }
            catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException) { }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting;
        _stop.Dispose();
    }
}
