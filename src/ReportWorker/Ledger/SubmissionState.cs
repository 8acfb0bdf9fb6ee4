namespace ReportWorker.Ledger;

/// <summary>How a unit's report for a month stands.</summary>
public enum SubmissionState { OnTime, Late, Missing, NothingToReport }

/// <summary>
/// The one definition of a missing report, used by <c>status</c>, the 月通报's figures and the reminders:
/// a unit owes a month's report when it leads or shares any task on the list, and the report is
/// missing until a form for that month has been accepted. A rejected form does not count.
/// </summary>
public static class MonthlyReport
{
    public static SubmissionState StateOf(bool hasTasks, Submission? accepted) =>
        !hasTasks ? SubmissionState.NothingToReport
        : accepted is null ? SubmissionState.Missing
        : accepted.Late ? SubmissionState.Late
        : SubmissionState.OnTime;
}
