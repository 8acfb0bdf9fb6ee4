namespace ReportWorker.Periods;

/// <summary>
/// A period asked for before it is open: a briefing before its month's forms are due, forms for a month
/// that has not begun, reminders for a day still to come. Its message is one line of Chinese for the
/// operator: what, why, and what to do (wait until <see cref="OpensAt"/>, or <c>--force</c>). The schedule
/// never forces; it runs the job again once the period opens.
/// </summary>
public sealed class PeriodNotOpenException(string message, DateTimeOffset opensAt) : Exception(message)
{
    /// <summary>The first moment the refused run would be allowed.</summary>
    public DateTimeOffset OpensAt { get; } = opensAt;
}
