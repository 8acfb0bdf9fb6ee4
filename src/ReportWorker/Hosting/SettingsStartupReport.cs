using Microsoft.Extensions.Logging;

namespace ReportWorker.Hosting;

/// <summary>
/// The service's first words: which settings files and which data folder it uses, and every setting
/// that is probably not what the site meant. Runs once everything has started (the ledger exists then).
/// Commands print the same through <c>jobs</c>.
/// </summary>
internal sealed class SettingsStartupReport(ConfigurationReview review, ILogger<SettingsStartupReport> logger) : StartedHook
{
    public override Task StartedAsync(CancellationToken ct)
    {
        HostingLog.SettingsInUse(logger, review.WhereSettingsAndData());
        foreach (var warning in review.Warnings()) HostingLog.SettingsWarning(logger, warning);
        if (review.FromEnvironmentOnly() is { Count: > 0 } env)
            HostingLog.SettingsFromEnvironment(logger, string.Join("、", env), SiteSettings.Folder() ?? SiteSettings.DefaultFolder);
        return Task.CompletedTask;
    }
}

internal static partial class HostingLog
{
    [LoggerMessage(EventId = 9101, EventName = "SettingsInUse", Level = LogLevel.Information, Message = "{Where}")]
    public static partial void SettingsInUse(ILogger logger, string where);

    [LoggerMessage(EventId = 9102, EventName = "SettingsWarning", Level = LogLevel.Warning, Message = "设置提醒：{Warning}")]
    public static partial void SettingsWarning(ILogger logger, string warning);

    [LoggerMessage(EventId = 9103, EventName = "SettingsFromEnvironment", Level = LogLevel.Warning,
        Message = "以下设置只来自服务的环境变量：{Keys}。在终端里运行的命令看不到它们，可能读写另一个台账。请把它们写入 {Folder} 中的 appsettings.json（密码写入 secrets.json）。")]
    public static partial void SettingsFromEnvironment(ILogger logger, string keys, string folder);
}
