using Microsoft.Extensions.DependencyInjection;
using ReportWorker.Hosting;

namespace ReportWorker.Health;

public static class HealthServices
{
    /// <summary>
    /// The checks the <c>health</c> command runs, as Microsoft.Extensions.Diagnostics.HealthChecks registrations (in the
    /// order they are printed), and the runner that gives each its own time limit.
    /// </summary>
    public static IServiceCollection AddHealth(this IServiceCollection services)
    {
        services.AddSettings<HealthOptions>(HealthOptions.SectionName);
        services.AddSingleton<HealthRunner>();
        services.AddHealthChecks()
            .AddCheck<DatabaseCheck>("数据库")
            .AddCheck<SmtpCheck>("SMTP")
            .AddCheck<MailboxCheck>("IMAP")
            .AddCheck<DataFolderCheck>("数据目录")
            .AddCheck<FontsCheck>("字体")
            .AddCheck<HolidayCalendarCheck>("节假日日历")
            .AddCheck<JobsCheck>("任务")
            .AddCheck<OutboxCheck>("发件箱");
        return services;
    }
}
