using ReportWorker.Briefings;
using ReportWorker.Calendar;
using ReportWorker.Periods;
using ReportWorker.Scheduling;

namespace ReportWorker.Demo;

/// <summary>A briefing the demo issues: a month's 月通报 or a quarter's 季督办, at the moment the schedule would.</summary>
public sealed record DemoIssue(DateTimeOffset At, ReportMonth? Month, Quarter? Quarter);

/// <summary>
/// When the unattended service would issue each briefing of the demo's months: the monthly-notice and
/// quarterly-notice jobs' own cron and holiday rule (<see cref="SchedulePlanner"/>), and, where that falls
/// before the month's forms are due, the job's time on the first working day after they are (a refused run
/// waits so). September's 月通报 is due on 8 October, in the National Day holiday; the 9th is a working day
/// but September's forms are due at 17:00 that day, so it comes out on the 10th with the third quarter's 季督办.
/// </summary>
public sealed class DemoSchedule(SchedulePlanner planner, JobCatalog jobs, ReportingCalendar calendar)
{
    public IReadOnlyList<DemoIssue> For(IReadOnlyCollection<ReportMonth> months)
    {
        var monthly = jobs.All.OfType<MonthlyNoticeJob>().Single().Name;
        var quarterly = jobs.All.OfType<QuarterlyNoticeJob>().Single().Name;
        var issues = months.Order().Select(m => new DemoIssue(IssueAt(monthly, m.Next, JobPeriod.Of(m), m), m, null))
            .Concat(months.Select(Quarter.Of).Distinct().Where(q => months.Contains(q.LastMonth)).OrderBy(q => q.LastMonth)
                .Select(q => new DemoIssue(IssueAt(quarterly, q.LastMonth.Next, JobPeriod.Of(q), q.LastMonth), null, q)));
        // A 月通报 and a 季督办 due at the same moment go out in that order (OrderBy is stable).
        return [.. issues.OrderBy(i => i.At)];
    }

    /// <summary>The job's first run in <paramref name="firesIn"/>, held until <paramref name="formsOf"/>'s forms are due.</summary>
    private DateTimeOffset IssueAt(string job, ReportMonth firesIn, JobPeriod period, ReportMonth formsOf)
    {
        var start = firesIn.FirstDay.ToDateTime(TimeOnly.MinValue);
        var next = planner.NextRun(job, new DateTimeOffset(start, calendar.Zone.GetUtcOffset(start)).AddSeconds(-1))
            ?? throw new InvalidOperationException($"Job {job} has no run in {firesIn}.");
        if (next.Period != period) throw new InvalidOperationException($"Job {job}'s run in {firesIn} covers {next.Period}, not {period}: its cron is not the monthly rhythm the demo replays.");
        var due = calendar.DueAt(formsOf);
        return next.RunAt >= due ? next.RunAt : planner.RunAtOrAfter(job, next.Occurrence, due);
    }
}
