using Microsoft.Extensions.Options;
using ReportWorker.Calendar;
using ReportWorker.Registry;
using ReportWorker.Scheduling;

namespace ReportWorker.Briefings;

/// <summary>On the 10th after a quarter: the 季督办 to the leaders and each unit's 督办单 to that unit. A missed quarter is never skipped.</summary>
public sealed class QuarterlyNoticeJob(BriefingPublisher publisher, ReportingCalendar calendar, IOptions<SupervisionOptions> supervision) : IScheduledJob
{
    public string Name => "quarterly-notice";
    public string Title => "季督办";
    public FirePeriod Period => FirePeriod.PreviousQuarter;
    public CatchUp CatchUp => CatchUp.EveryMissedPeriod;
    public bool MovesOffHolidays => true;

    public Task<string> RunAsync(JobPeriod period, bool force, CancellationToken ct)
    {
        var (quarter, queued) = publisher.Quarterly(period.Quarter, force: force);
        // The 整改时限 is a working day counted from the quarter's end (for Q4, in the next year).
        var rectify = period.Quarter.LastDay.AddDays(supervision.Value.RectifyWithinDays);
        var note = calendar.WeekendsOnlyNote(rectify, calendar.WorkingDays.OnOrAfter(rectify));
        return Task.FromResult($"{period} 季督办 {quarter.Figures.Items.Count} 项，督办单 {quarter.Slips.Count} 份，新排队 {queued} 封{(quarter.BeforeDue ? "（该季度报表尚未截止，已按 --force 强制印发）" : "")}" + note);
    }
}
