using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using ReportWorker.Hosting;
using ReportWorker.Ledger;
using ReportWorker.Scheduling;
using ReportWorker.Telemetry;
using ReportWorker.Tests.Support;

namespace ReportWorker.Tests.Telemetry;

/// <summary>OTLP export is on only when an endpoint is configured; then our meter and source reach a real OTLP/HTTP receiver.</summary>
[Collection(nameof(TelemetryListeners))]
public sealed class ExportTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("rw-otel-").FullName;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_root, recursive: true); } catch (IOException) { }
    }

    /// <summary>The service's builder as <c>RunServiceAsync</c> makes it (built with the same settings check), with <paramref name="settings"/> on top.</summary>
    private HostApplicationBuilder ServiceBuilder(Dictionary<string, string?> settings)
    {
        var builder = WorkerHost.CreateBuilder([], quietConsole: true);
        settings["Data:Root"] = Path.Combine(_root, "data");
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddTelemetryExport();
        return builder;
    }

    [Fact]
    public void With_no_endpoint_configured_no_OpenTelemetry_service_is_registered_at_all()
    {
        var builder = ServiceBuilder([]);

        Assert.DoesNotContain(builder.Services, d => d.ServiceType.Namespace?.StartsWith("OpenTelemetry", StringComparison.Ordinal) == true);
        using var host = WorkerHost.Build(builder);
        Assert.Null(host.Services.GetService<TracerProvider>());
        Assert.Null(host.Services.GetService<MeterProvider>());
    }

    [Fact]
    public void The_standard_OTEL_EXPORTER_OTLP_ENDPOINT_variable_alone_switches_export_on()
    {
        var builder = ServiceBuilder(new() { [TelemetryServices.EnvironmentEndpoint] = "http://127.0.0.1:4317" });

        using var host = WorkerHost.Build(builder);

        Assert.NotNull(host.Services.GetService<TracerProvider>());
        Assert.NotNull(host.Services.GetService<MeterProvider>());
    }

    [Fact]
    public void An_endpoint_that_is_not_an_address_stops_start_up_naming_the_key()
    {
        var error = Assert.Throws<OptionsValidationException>(() => ServiceBuilder(new() { ["Telemetry:Otlp:Endpoint"] = "localhost:4317" }));

        Assert.Contains("Telemetry:Otlp:Endpoint", error.Message);
    }

    [Fact]
    public async Task A_configured_endpoint_receives_our_job_metrics_and_spans_over_otlp_http_as_ReportWorker()
    {
        using var receiver = new OtlpReceiver();
        var builder = ServiceBuilder(new()
        {
            ["Telemetry:Otlp:Endpoint"] = receiver.Address,
            ["Telemetry:Otlp:Protocol"] = "HttpProtobuf",
            ["Telemetry:InstanceId"] = "test-node-1",
        });
        using (var host = WorkerHost.Build(builder))
        {
            host.Services.GetRequiredService<SchemaMigrator>().Migrate();
            await host.StartAsync(TestContext.Current.CancellationToken);
            var outbox = host.Services.GetRequiredService<JobCatalog>()["outbox"];
            await host.Services.GetRequiredService<JobRunner>().RunAsync(outbox, JobPeriod.None, null, "operator", force: false, TestContext.Current.CancellationToken);
            await host.StopAsync(TestContext.Current.CancellationToken);
        } // disposing the providers exports what is left

        // Protobuf keeps strings as UTF-8 bytes: names and attribute values can be found in the bodies as they are.
        var traces = receiver.Body("/v1/traces");
        Assert.Contains("job outbox", traces);
        Assert.Contains("test-node-1", traces);
        var metrics = receiver.Body("/v1/metrics");
        Assert.Contains("reportworker.job.runs", metrics);
        Assert.Contains("reportworker.job.duration", metrics);
        Assert.Contains("ReportWorker", metrics);
    }

    /// <summary>A real OTLP/HTTP endpoint on loopback that keeps every request body by path.</summary>
    private sealed class OtlpReceiver : IDisposable
    {
        private readonly HttpListener _listener = new();
        private readonly ConcurrentQueue<(string Path, byte[] Body)> _requests = new();

        public OtlpReceiver()
        {
            Address = $"http://127.0.0.1:{SmtpTestServer.FreePort()}/";
            _listener.Prefixes.Add(Address);
            _listener.Start();
            _ = Task.Run(ServeAsync);
        }

        public string Address { get; }

        public string Body(string path) => string.Concat(_requests.Where(r => r.Path == path).Select(r => Encoding.UTF8.GetString(r.Body)));

        private async Task ServeAsync()
        {
            while (_listener.IsListening)
            {
                HttpListenerContext context;
                try { context = await _listener.GetContextAsync(); }
                catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException) { return; }
                using var body = new MemoryStream();
                await context.Request.InputStream.CopyToAsync(body);
                _requests.Enqueue((context.Request.Url!.AbsolutePath, body.ToArray()));
                context.Response.StatusCode = 200;
                context.Response.ContentType = "application/x-protobuf";
                context.Response.Close();
            }
        }

        public void Dispose() => _listener.Close();
    }
}
