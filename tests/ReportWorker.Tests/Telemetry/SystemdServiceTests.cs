using System.Collections.Concurrent;
using System.Net.Sockets;
using System.Text;
using ReportWorker.Tests.Support;

namespace ReportWorker.Tests.Telemetry;

/// <summary>
/// The real service started as systemd starts a Type=notify unit (NOTIFY_SOCKET set): the test plays the service
/// manager and reads what the worker tells it, from READY=1 to STOPPING=1, with the status lines in between.
/// </summary>
[Collection(nameof(RealTimeWorkers))]
public sealed class SystemdServiceTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("rw-systemd-").FullName;
    private readonly Socket _manager = new(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified) { ReceiveTimeout = 500 };
    private readonly ConcurrentQueue<string> _received = new();
    private volatile bool _done;

    public void Dispose()
    {
        _done = true;
        _manager.Dispose();
        try { Directory.Delete(_root, recursive: true); } catch (IOException) { }
    }

    private void Listen()
    {
        var buffer = new byte[4096];
        while (!_done)
        {
            try { _received.Enqueue(Encoding.UTF8.GetString(buffer, 0, _manager.Receive(buffer))); }
            catch (SocketException ex) when (ex.SocketErrorCode == SocketError.TimedOut) { }
            catch (ObjectDisposedException) { return; }
        }
    }

    [Fact]
    public async Task The_service_reports_ready_idle_with_its_next_task_each_job_it_runs_and_stopping()
    {
        var socket = Path.Combine(_root, "notify");
        _manager.Bind(new UnixDomainSocketEndPoint(socket));
        var listening = Task.Run(Listen, TestContext.Current.CancellationToken);
        // Thursday 3 April 2025, 10:00, ten times as fast: the outbox runs every three seconds, April stays days away.
        using var worker = new RehearsalWorker(_root, new Dictionary<string, string>
        {
            ["Data__Root"] = Path.Combine(_root, "data"),
            ["NOTIFY_SOCKET"] = socket,
        }, new DateTimeOffset(2025, 4, 3, 10, 0, 0, TimeSpan.FromHours(8)), speed: 10);

        worker.Start();
        worker.WaitFor(() => _received.Contains("READY=1") && _received.Contains("STATUS=正在运行：outbox") && _received.Count(s => s == "STATUS=空闲，下一个任务：月通报 4月8日 09:00") >= 2,
            $"ready, an outbox run and idle again; got: {string.Join(" | ", _received)}");
        Assert.Equal(0, worker.Stop());
        _done = true;
        await listening;

        var said = _received.ToArray();
        Assert.Equal("STATUS=空闲，下一个任务：月通报 4月8日 09:00", said[0]);
        Assert.Contains("STOPPING=1", said);
        Assert.Contains(said, s => s.StartsWith("STATUS=正在停止", StringComparison.Ordinal));
        Assert.All(said, s => Assert.DoesNotContain("上次错误", s));
    }
}
