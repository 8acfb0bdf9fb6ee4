using System.ComponentModel.DataAnnotations;
using OpenTelemetry.Exporter;

namespace ReportWorker.Telemetry;

/// <summary>
/// Where metrics, traces and logs go over OTLP. With no endpoint here and no OTEL_EXPORTER_OTLP_ENDPOINT in the
/// environment nothing is exported and no OpenTelemetry provider exists at all.
/// </summary>
public sealed class TelemetryOptions
{
    public const string SectionName = "Telemetry";

    public TelemetryOtlpOptions Otlp { get; set; } = new();

    /// <summary>service.instance.id; empty = the machine's name. Two workers on one machine need their own.</summary>
    public string InstanceId { get; set; } = "";
}

public sealed class TelemetryOtlpOptions
{
    /// <summary>The collector's base address, e.g. http://127.0.0.1:4317 (gRPC) or http://127.0.0.1:4318 (HTTP; /v1/traces etc. are added). Empty = off.</summary>
    [RegularExpression(@"^(https?://(\[[0-9A-Fa-f:.]+\]|[^\s/:\[\]]+)(:[0-9]{1,5})?(/\S*)?)?$", ErrorMessage = "Telemetry:Otlp:Endpoint 应为空（不导出）或以 http:// 或 https:// 开头的地址，例如 http://127.0.0.1:4317。")]
    public string Endpoint { get; set; } = "";

    /// <summary>Grpc (port 4317 by convention) or HttpProtobuf (4318).</summary>
    public OtlpExportProtocol Protocol { get; set; } = OtlpExportProtocol.Grpc;
}
