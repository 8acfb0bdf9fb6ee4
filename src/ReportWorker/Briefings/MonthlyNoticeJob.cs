using ReportWorker.Calendar;
using ReportWorker.Registry;
using ReportWorker.Scheduling;

namespace ReportWorker.Briefings;

/// <summary>On the 8th: the 月通报 for the month before, to the leaders and every unit. A missed month is never skipped.</summary>
public sealed class MonthlyNoticeJob(BriefingPublisher publisher, ReportingCalendar calendar) : IScheduledJob
{
    public string Name => "monthly-notice";
    public string Title => "月通报";
    public FirePeriod Period => FirePeriod.PreviousMonth;
    public CatchUp CatchUp => CatchUp.EveryMissedPeriod;
    public bool MovesOffHolidays => true;

    public Task<string> RunAsync(JobPeriod period, bool force, CancellationToken ct)
    {
        var (briefing, queued) = publisher.Monthly(period.Month, force: force);
        // On time or late was judged against the due day, which moves off holidays only if they were known.
        return Task.FromResult($"{period} 月通报第{briefing.Record.IssueNo}期，{briefing.Document.PageCount} 页，新排队 {queued} 封{(briefing.BeforeDue ? "（该月报表尚未截止，已按 --force 强制印发）" : "")}" + calendar.DueNote(period.Month));
    }
}
