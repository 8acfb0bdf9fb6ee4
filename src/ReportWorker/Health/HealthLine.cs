using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ReportWorker.Health;

/// <summary>One check's verdict as the operator reads it: the check's name, its status and the facts, on one line.</summary>
public sealed record HealthLine(string Name, HealthStatus Status, string Facts);

public static class HealthVerdict
{
    /// <summary>The worst status among the lines (no lines: healthy).</summary>
    public static HealthStatus Worst(IEnumerable<HealthLine> lines) =>
        lines.Select(l => l.Status).DefaultIfEmpty(HealthStatus.Healthy).Min();

    /// <summary>The monitoring convention (Nagios, systemd timers): 0 all well, 1 needs attention, 2 broken.</summary>
    public static int ExitCode(this HealthStatus status) => status switch
    {
        HealthStatus.Healthy => 0,
        HealthStatus.Degraded => 1,
        _ => 2,
    };

    public static string Chinese(this HealthStatus status) => status switch
    {
        HealthStatus.Healthy => "正常",
        HealthStatus.Degraded => "注意",
        _ => "故障",
    };

    /// <summary>Text from a server or an exception, on one line and of a readable length.</summary>
    public static string OneLine(string? text, int max = 300)
    {
        var line = string.Join(' ', (text ?? "").Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        return line.Length <= max ? line : line[..max] + "…";
    }
}
