using ReportWorker.Ledger;
using ReportWorker.Periods;

namespace ReportWorker.Briefings;

public sealed record PublishedMonthly(GeneratedBriefing Briefing, int Queued);

public sealed record PublishedQuarterly(GeneratedQuarter Quarter, int Queued);

/// <summary>
/// Issuing a briefing and queuing it, in one place for the schedule, the command line and the demo.
/// Issuing again gives the same version (same bytes) and queues nothing new; a reissue is a new,
/// marked version that goes out again. A briefing whose forms are not yet due is refused unless forced
/// (<see cref="IssueRule"/>); the schedule never forces.
/// </summary>
public sealed class BriefingPublisher(BriefingService monthly, QuarterlyService quarterly, BriefingMailer mailer)
{
    public PublishedMonthly Monthly(ReportMonth month, string? outFolder = null, bool reissue = false, bool queue = true, bool force = false)
    {
        var briefing = monthly.Monthly(month, outFolder, reissue, force);
        return new(briefing, queue ? mailer.QueueMonthly(briefing) : 0);
    }

    public PublishedQuarterly Quarterly(Quarter quarter, string? outFolder = null, bool reissue = false, bool queue = true, bool force = false)
    {
        var issued = quarterly.Quarterly(quarter, outFolder, reissue, force);
        return new(issued, queue ? mailer.QueueQuarterly(issued) : 0);
    }
}
