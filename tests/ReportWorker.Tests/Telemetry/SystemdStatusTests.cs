using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Systemd;
using ReportWorker.Periods;
using ReportWorker.Scheduling;
using ReportWorker.Tests.Support;

namespace ReportWorker.Tests.Telemetry;

/// <summary>
/// Under systemd the worker tells the service manager what it is doing and its last error, as STATUS= datagrams on
/// the socket named by NOTIFY_SOCKET. Here the test is the service manager: it binds the socket and reads them.
/// </summary>
[Collection(nameof(TelemetryListeners))]
public sealed class SystemdStatusTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("rw-notify-").FullName;
    private readonly Socket _manager = new(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified) { ReceiveTimeout = 10_000 };
    private readonly TestWorld _world;

    public SystemdStatusTests()
    {
        var path = Path.Combine(_folder, "notify");
        _manager.Bind(new UnixDomainSocketEndPoint(path));
        // The stock notifier reads NOTIFY_SOCKET when it is made, as under systemd; the variable is set only for that.
        var before = Environment.GetEnvironmentVariable("NOTIFY_SOCKET");
        Environment.SetEnvironmentVariable("NOTIFY_SOCKET", path);
        ISystemdNotifier notifier;
        try { notifier = new SystemdNotifier(); }
        finally { Environment.SetEnvironmentVariable("NOTIFY_SOCKET", before); }
        Assert.True(notifier.IsEnabled);
        // Thursday 3 April 2025, 10:00: the next monthly or longer job is the 月通报 of Tuesday 8 April, 09:00.
        _world = new TestWorld(services: s => s.AddSingleton(notifier));
    }

    public void Dispose()
    {
        _world.Dispose();
        _manager.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    private string Next()
    {
        var buffer = new byte[4096];
        var n = _manager.Receive(buffer);
        return Encoding.UTF8.GetString(buffer, 0, n);
    }

    private Task<JobOutcome> Run(string job, JobPeriod period) =>
        _world.Get<JobRunner>().RunAsync(_world.Get<JobCatalog>()[job], period, null, "schedule", force: false, CancellationToken.None);

    [Fact]
    public async Task A_relay_outage_leads_the_line_until_the_relay_answers_again()
    {
        var status = Assert.Single(_world.Get<IEnumerable<IHostedService>>().OfType<IHostedLifecycleService>(), s => s is ReportWorker.Telemetry.SystemdStatus);
        var outbox = _world.Get<ReportWorker.Delivery.OutboxStore>();

        outbox.RecordRelayDown("Connection refused");
        await status.StartedAsync(CancellationToken.None);
        var down = Next();
        outbox.RecordRelayUp();
        await status.StartedAsync(CancellationToken.None);
        var up = Next();

        Assert.StartsWith("STATUS=邮件服务器无法连接（自 04-03 10:00，0 封待发）；空闲", down);
        Assert.Equal("STATUS=空闲，下一个任务：月通报 4月8日 09:00", up);
    }

    [Fact]
    public async Task Says_idle_with_the_next_task_running_during_a_job_stopping_and_the_last_error_after_a_failed_run()
    {
        var status = Assert.Single(_world.Get<IEnumerable<IHostedService>>().OfType<IHostedLifecycleService>(), s => s is ReportWorker.Telemetry.SystemdStatus);
        await status.StartedAsync(CancellationToken.None);
        Assert.Equal("STATUS=空闲，下一个任务：月通报 4月8日 09:00", Next());

        await Run("outbox", JobPeriod.None);
        Assert.Equal("STATUS=正在运行：outbox", Next());
        Assert.Equal("STATUS=空闲，下一个任务：月通报 4月8日 09:00", Next());

        // Nobody imported the registry: April's forms fail.
        _world.SetLocalTime(2025, 4, 3, 10, 2);
        var failed = await Run("forms", JobPeriod.Of(new ReportMonth(2025, 4)));
        Assert.False(failed.Succeeded);
        Assert.Equal("STATUS=正在运行：forms 2025-04", Next());
        var after = Next();
        Assert.StartsWith("STATUS=空闲，下一个任务：月通报 4月8日 09:00；上次错误 04-03 10:02 forms：", after);
        Assert.EndsWith(OneLine(failed.Summary), after);

        // The error stays on the line while the worker goes on.
        await Run("outbox", JobPeriod.None);
        Assert.StartsWith("STATUS=正在运行：outbox；上次错误 04-03 10:02 forms：", Next());
        Assert.StartsWith("STATUS=空闲，下一个任务：月通报 4月8日 09:00；上次错误 04-03 10:02 forms：", Next());

        await status.StoppingAsync(CancellationToken.None);
        Assert.StartsWith("STATUS=正在停止；上次错误 04-03 10:02 forms：", Next());
    }

    [Fact]
    public async Task A_period_not_open_yet_is_a_wait_not_an_error()
    {
        // March's 月通报 cannot be issued before the forms are due on 7 April.
        var refused = await Run("monthly-notice", JobPeriod.Of(new ReportMonth(2025, 3)));

        Assert.NotNull(refused.Refusal);
        Assert.Equal("STATUS=正在运行：monthly-notice 2025-03", Next());
        Assert.Equal("STATUS=空闲，下一个任务：月通报 4月8日 09:00", Next());
    }

    private static string OneLine(string text)
    {
        var line = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return line.Length <= 160 ? line : line[..160] + "…";
    }
}
