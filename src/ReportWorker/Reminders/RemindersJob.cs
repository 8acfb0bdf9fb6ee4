using ReportWorker.Scheduling;

namespace ReportWorker.Reminders;

/// <summary>Each working morning: reminders for the day to the units still missing.</summary>
public sealed class RemindersJob(ReminderService reminders) : IScheduledJob
{
    public string Name => "reminders";
    public string Title => "催报";
    public FirePeriod Period => FirePeriod.Day;
    public bool MovesOffHolidays => true;

    public Task<string> RunAsync(JobPeriod period, bool force, CancellationToken ct) => Task.FromResult(reminders.Remind(period.Day, force).Summary);
}
