using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ReportWorker.Calendar;

namespace ReportWorker.Registry;

/// <summary>
/// At the service's start, once the schema is migrated: warns in the log when this year has no task list,
/// since every form and briefing of the year would be refused until it is imported. Commands print the
/// same warning in <c>jobs</c>.
/// </summary>
internal sealed partial class TaskListStartupWarning(RegistryStore registry, ReportingCalendar calendar, ILogger<TaskListStartupWarning> logger) : IHostedLifecycleService
{
    public Task StartedAsync(CancellationToken ct)
    {
        var year = calendar.Now.Year;
        if (!registry.HasList(year)) NoListForYear(logger, year);
        return Task.CompletedTask;
    }

    [LoggerMessage(EventId = 7001, EventName = "TaskListMissing", Level = LogLevel.Warning,
        Message = "No task list for {Year}: this year's forms and briefings are refused until it is imported (import tasks FILE --year {Year}).")]
    private static partial void NoListForYear(ILogger logger, int year);

    public Task StartingAsync(CancellationToken ct) => Task.CompletedTask;
    public Task StartAsync(CancellationToken ct) => Task.CompletedTask;
    public Task StoppingAsync(CancellationToken ct) => Task.CompletedTask;
    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
    public Task StoppedAsync(CancellationToken ct) => Task.CompletedTask;
}
