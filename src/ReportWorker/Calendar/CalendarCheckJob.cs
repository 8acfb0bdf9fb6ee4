using ReportWorker.Scheduling;

namespace ReportWorker.Calendar;

/// <summary>Each morning: is the next year's holiday arrangement in? If not, from 60 days before the data ends, tell the office once.</summary>
public sealed class CalendarCheckJob(CalendarReminder reminder) : IScheduledJob
{
    public string Name => "calendar-check";
    public string Title => "节假日数据检查";
    public FirePeriod Period => FirePeriod.Day;

    public Task<string> RunAsync(JobPeriod period, bool force, CancellationToken ct) => Task.FromResult(reminder.Check(period.Day));
}
