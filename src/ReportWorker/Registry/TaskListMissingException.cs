namespace ReportWorker.Registry;

/// <summary>
/// A month asked for whose year has no task list imported. Not a period that will open by itself, so
/// a scheduled run fails (the office is alerted) and runs again once the list is in; the message says
/// which import to run.
/// </summary>
public sealed class TaskListMissingException(int year, string message) : Exception(message)
{
    public int Year { get; } = year;
}
