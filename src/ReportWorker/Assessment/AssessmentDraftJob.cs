using ReportWorker.Scheduling;

namespace ReportWorker.Assessment;

/// <summary>In January: each unit's 考核反馈单 for last year, marked 初步结果, with the date by which to object. A missed year is never skipped.</summary>
public sealed class AssessmentDraftJob(AssessmentPublisher publisher) : IScheduledJob
{
    public string Name => "assessment-draft";
    public string Title => "年考核初步结果";
    public FirePeriod Period => FirePeriod.PreviousYear;
    public CatchUp CatchUp => CatchUp.EveryMissedPeriod;
    public bool MovesOffHolidays => true;

    public Task<string> RunAsync(JobPeriod period, bool force, CancellationToken ct)
    {
        var (issued, queued) = publisher.Draft(period.Year, force: force);
        return Task.FromResult($"{period.Year}年度考核初步结果：反馈单 {issued.Slips.Count} 份，新排队 {queued} 封，异议期限 {issued.ObjectBy:yyyy-MM-dd}" +
                               (issued.Forced ? "（12月报表尚未截止，已按 --force 强制发出）" : ""));
    }
}
