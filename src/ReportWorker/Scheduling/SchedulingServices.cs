using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Quartz;
using ReportWorker.Hosting;
using ReportWorker.Storage;

namespace ReportWorker.Scheduling;

public static class SchedulingServices
{
    /// <summary>Registers a job; the schedule, <c>run</c>, <c>jobs</c> and the failure alert find it through <see cref="JobCatalog"/>.</summary>
    public static IServiceCollection AddScheduledJob<TJob>(this IServiceCollection services) where TJob : class, IScheduledJob =>
        services.AddSingleton<IScheduledJob, TJob>();

    /// <summary>What the service and the commands share: the job catalog, the planner, the record of runs, and running one job for one period.</summary>
    public static IServiceCollection AddScheduling(this IServiceCollection services)
    {
        services.AddSettings<ScheduleOptions>(ScheduleOptions.SectionName);
        services.AddSingleton<IValidateOptions<ScheduleOptions>, ScheduleOptionsValidator>();
        services.AddSingleton<JobCatalog>();
        services.AddSingleton<SchedulePlanner>();
        services.AddSingleton<JobRunStore>();
        services.AddSingleton<JobRunner>();
        services.AddSingleton<JobFailureAlert>();
        return services;
    }

    /// <summary>
    /// The unattended service: Quartz with its job store in the ledger's database, so schedules,
    /// deferred runs and missed fires survive restarts, and <see cref="SchedulerService"/> to start it
    /// after the schema and the schedule are in place. Quartz takes the clock from the container.
    /// </summary>
    public static IHostApplicationBuilder AddSchedulerService(this IHostApplicationBuilder builder)
    {
        // The job store is configured before the container exists, so these two sections are bound and
        // checked here, with the same rules the container applies to them.
        var schedule = Settings.BindValidated<ScheduleOptions>(builder.Configuration, ScheduleOptions.SectionName);
        var data = Settings.BindValidated<DataOptions>(builder.Configuration, DataOptions.SectionName);
        // Quartz parses the connection string now; a bad one is said as the container would say it, not as Npgsql's ArgumentException.
        if (new DatabaseSettingsValidator(builder.Configuration).Validate(null, data) is { Failed: true } database)
            throw new OptionsValidationException(DataOptions.SectionName, typeof(DataOptions), database.Failures);
        var postgres = data.Provider == DatabaseProvider.Postgres;
        var sqliteFile = DataPaths.DatabaseFileFor(data, builder.Environment.ContentRootPath);

        builder.Services.AddTransient<ScheduledJob>();
        builder.Services.AddSingleton<ScheduleInstaller>();
        builder.Services.AddQuartz(q =>
        {
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
        builder.Services.AddHostedService<SchedulerService>();
        return builder;
    }
}
