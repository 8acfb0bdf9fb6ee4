using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using ReportWorker.Hosting;
using ReportWorker.Scheduling;

namespace ReportWorker.Telemetry;

public static class TelemetryServices
{
    /// <summary>The standard variable OpenTelemetry SDKs read; set, it switches export on like Telemetry:Otlp:Endpoint.</summary>
    public const string EnvironmentEndpoint = "OTEL_EXPORTER_OTLP_ENDPOINT";

    // What the libraries we use trace and measure themselves. MailKit's activity sources always exist; its meters
    // only once Telemetry.Configure() has run. Npgsql names both "Npgsql". System.Runtime is the runtime's own meter
    // (GC, thread pool, CPU), free since .NET 9.
    internal static readonly string[] Sources = [WorkerTelemetry.Name, MailKit.Telemetry.SmtpClient.ActivitySourceName, MailKit.Telemetry.ImapClient.ActivitySourceName, "Npgsql"];
    internal static readonly string[] Meters = [WorkerTelemetry.Name, MailKit.Telemetry.SmtpClient.MeterName, MailKit.Telemetry.ImapClient.MeterName, MailKit.Telemetry.Socket.MeterName, "Npgsql", "System.Runtime"];

    /// <summary>
    /// For the service and the commands alike: the Telemetry settings (checked at start), the console log formats
    /// and the systemd status line. Exporting is <see cref="AddTelemetryExport"/>'s, for the service only.
    /// </summary>
    public static IHostApplicationBuilder AddTelemetry(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSettings<TelemetryOptions>(TelemetryOptions.SectionName);
        builder.AddConsoleLogFormats();
        builder.Services.AddSingleton<SystemdStatus>();
        builder.Services.AddSingleton<IJobRunObserver>(sp => sp.GetRequiredService<SystemdStatus>());
        builder.Services.AddHostedService(sp => sp.GetRequiredService<SystemdStatus>());
        return builder;
    }

    /// <summary>
    /// Metrics, traces and logs over OTLP when Telemetry:Otlp:Endpoint or OTEL_EXPORTER_OTLP_ENDPOINT is set; otherwise
    /// nothing is registered, so nothing listens and every recording in the features is a flag test. The service
    /// only: a one-shot command would start an exporter to send one batch on exit.
    /// </summary>
    public static IHostApplicationBuilder AddTelemetryExport(this IHostApplicationBuilder builder)
    {
        var options = Settings.BindValidated<TelemetryOptions>(builder.Configuration, TelemetryOptions.SectionName);
        var endpoint = options.Otlp.Endpoint;
        if (endpoint.Length == 0 && string.IsNullOrWhiteSpace(builder.Configuration[EnvironmentEndpoint])) return builder;

        MailKit.Telemetry.Configure();
        var otel = builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(WorkerTelemetry.Name,
                serviceVersion: typeof(WorkerTelemetry).Assembly.GetName().Version?.ToString(),
                serviceInstanceId: options.InstanceId.Length > 0 ? options.InstanceId : Environment.MachineName))
            .WithTracing(t => t.AddSource(Sources))
            .WithMetrics(m => m.AddMeter(Meters));
        // Our endpoint is a base address (signal paths are added for HTTP); without it the exporter reads the
        // OTEL_EXPORTER_OTLP_* variables itself (endpoint, protocol, headers).
        if (endpoint.Length > 0) otel.UseOtlpExporter(options.Otlp.Protocol, new Uri(endpoint));
        else otel.UseOtlpExporter();
        return builder;
    }
}
