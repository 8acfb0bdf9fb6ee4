using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Quartz;
using ReportWorker.Storage;

namespace ReportWorker.Scheduling;

public static class SchedulingExtensions
{
    /// <summary>
    /// The unattended service: Quartz with its job store in the ledger's SQLite file, so schedules,
    /// deferred runs and missed fires survive restarts. Jobs never overlap themselves, and shutdown
    /// waits for a running job to finish.
    /// </summary>
    public static IHostApplicationBuilder AddReportWorkerSchedules(this IHostApplicationBuilder builder)
    {
        var schedule = builder.Configuration.GetSection(ScheduleOptions.SectionName).Get<ScheduleOptions>() ?? new ScheduleOptions();
        var data = builder.Configuration.GetSection(DataOptions.SectionName).Get<DataOptions>() ?? new DataOptions();
        var postgres = data.Provider == DatabaseProvider.Postgres;
        var sqliteFile = DataPaths.DatabaseFileFor(data, builder.Environment.ContentRootPath);
        // The same clock the services use (AddReportWorker registered it), so Quartz and the jobs agree on "now".
        var clock = builder.Services.LastOrDefault(d => d.ServiceType == typeof(TimeProvider))?.ImplementationInstance as TimeProvider ?? TimeProvider.System;

        builder.Services.AddTransient<ScheduledJob>();
        builder.Services.AddHostedService<ScheduleInstaller>();
        builder.Services.AddQuartz(q =>
        {
            q.UseTimeProvider(clock);
            // Every node needs its own instance id; the scheduler name they share makes them one cluster.
            if (postgres) q.ConfigureScheduler(o => o.InstanceId = $"{Environment.MachineName}-{Environment.ProcessId}-{DateTime.UtcNow:HHmmssfff}");
            q.UsePersistentStore(s =>
            {
                // Quartz keeps its QRTZ_* tables in the ledger's own database.
                if (postgres)
                {
                    s.UsePostgres(Ledger.LedgerDatabase.PostgresConnectionString(data));
                    s.UseClustering(c =>
                    {
                        c.CheckinInterval = TimeSpan.FromSeconds(schedule.Cluster.CheckinIntervalSeconds);
                        c.CheckinMisfireThreshold = TimeSpan.FromSeconds(schedule.Cluster.CheckinMisfireThresholdSeconds);
                    });
                }
                else s.UseSqlite($"Data Source={sqliteFile};Default Timeout=30");
                s.UseSystemTextJsonSerializer();
                s.ProvisionSchema();
                s.ConfigureStore(o => o.MisfireThreshold = TimeSpan.FromSeconds(schedule.MisfireThresholdSeconds));
            });
        });
        builder.Services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        return builder;
    }
}
