using ReportWorker.Scheduling;

namespace ReportWorker.Assessment;

/// <summary>
/// After the objection period: the 年度考核结果通报 to the leaders and every unit, and each unit's final 反馈单.
/// Before the period ends it is refused and waits (the schedule never forces); a missed year is never skipped.
/// </summary>
public sealed class AssessmentFinalJob(AssessmentPublisher publisher) : IScheduledJob
{
    public string Name => "assessment-final";
    public string Title => "年考核最终结果";
    public FirePeriod Period => FirePeriod.PreviousYear;
    public CatchUp CatchUp => CatchUp.EveryMissedPeriod;
    public bool MovesOffHolidays => true;

    public Task<string> RunAsync(JobPeriod period, bool force, CancellationToken ct)
    {
        var (issued, queued) = publisher.Final(period.Year, force: force);
        return Task.FromResult($"{period.Year}年度考核结果通报第{issued.Record.IssueNo}号，{issued.Notice!.PageCount} 页，反馈单 {issued.Slips.Count} 份，新排队 {queued} 封" +
                               (issued.Forced ? "（已按 --force 提前印发）" : ""));
    }
}
