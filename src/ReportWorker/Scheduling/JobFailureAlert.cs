using Microsoft.Extensions.Options;
using ReportWorker.Calendar;
using ReportWorker.Delivery;

namespace ReportWorker.Scheduling;

/// <summary>Tells the operators, once per job and period, that a scheduled run kept failing and how to run it again.</summary>
public sealed class JobFailureAlert(OutboxStore outbox, EmailTemplates templates, IOptions<OrganizationOptions> organization)
{
    public bool Queue(IScheduledJob job, JobPeriod period, int attempts, string error)
    {
        var (subject, html, text) = templates.Render("job-failed", new
        {
            organization.Value.Office, Job = job.Name, JobName = job.Title, Period = period.Value, Attempts = attempts, Error = error,
            Command = $"ReportWorker run {job.Name}{PeriodOption(period)}",
        });
        return outbox.Enqueue(new OutgoingMessage($"job-failed/{job.Name}/{period.Value}", "job-failed", null,
            [Recipient.Parse(organization.Value.OperatorEmail)], subject, html, text, []));
    }

    /// <summary>The option of <c>run</c> that names this period.</summary>
    public static string PeriodOption(JobPeriod period) => period.Kind switch
    {
        PeriodKind.Month => $" --month {period.Value}",
        PeriodKind.Quarter => $" --quarter {period.Value}",
        PeriodKind.Year => $" --year {period.Value}",
        PeriodKind.Day => $" --date {period.Value}",
        _ => "",
    };
}
