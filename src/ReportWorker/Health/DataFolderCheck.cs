using System.Globalization;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using ReportWorker.Storage;

namespace ReportWorker.Health;

/// <summary>数据目录: a file can be written and deleted in the data folder, and the disk under it has room.</summary>
internal sealed class DataFolderCheck(DataPaths paths, IOptions<DataOptions> data, IOptions<HealthOptions> options) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct) => Task.FromResult(Check());

    private HealthCheckResult Check()
    {
        string root;
        try
        {
            root = paths.Root;
            var probe = Path.Combine(root, $".health-{Environment.ProcessId}-{Guid.NewGuid():N}");
            File.WriteAllText(probe, "");
            File.Delete(probe);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return HealthCheckResult.Unhealthy($"数据目录（Data:Root = {data.Value.Root}）不可写：{HealthVerdict.OneLine(ex.Message)}。收到的报表和生成的文件都无法保存；请检查目录权限和磁盘。");
        }
        var drive = new DriveInfo(root);
        var free = drive.AvailableFreeSpace;
        var facts = $"{root} 可写，剩余 {Size(free)}（共 {Size(drive.TotalSize)}）";
        var o = options.Value;
        if (free < o.DiskCriticalMegabytes * Megabyte)
            return HealthCheckResult.Unhealthy($"{facts}，低于 {o.DiskCriticalMegabytes} MB（Health:DiskCriticalMegabytes）：报表和通报可能无法写入，请立即清理或扩容。");
        if (free < o.DiskWarningMegabytes * Megabyte)
            return HealthCheckResult.Degraded($"{facts}，低于 {o.DiskWarningMegabytes} MB（Health:DiskWarningMegabytes）：请尽快清理或扩容。");
        return HealthCheckResult.Healthy(facts);
    }

    private const long Megabyte = 1024 * 1024;

    private static string Size(long bytes) => bytes >= 1024 * Megabyte
        ? (bytes / (1024.0 * Megabyte)).ToString("0.0", CultureInfo.InvariantCulture) + " GB"
        : (bytes / (double)Megabyte).ToString("0", CultureInfo.InvariantCulture) + " MB";
}
