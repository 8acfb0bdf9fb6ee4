using Microsoft.Extensions.Options;
using ReportWorker.Calendar;
using ReportWorker.Delivery;

namespace ReportWorker.Scheduling;

/// <summary>Tells the operators, once per job and period, that a scheduled run kept failing and how to run it again.</summary>
public sealed class JobFailureAlert(OutboxStore outbox, EmailTemplates templates, IOptions<OrganizationOptions> organization)
{
    public bool Queue(string job, JobPeriod period, int attempts, string error)
    {
        var option = period.Kind switch
        {
            PeriodKind.Month => $" --month {period.Value}",
            PeriodKind.Quarter => $" --quarter {period.Value}",
            PeriodKind.Day => $" --date {period.Value}",
            _ => "",
        };
        var (subject, html, text) = templates.Render("job-failed", new
        {
            organization.Value.Office, Job = job, JobName = JobNames.Describe(job), Period = period.Value, Attempts = attempts, Error = error,
            Command = $"reportworker run {job}{option}",
        });
        return outbox.Enqueue(new OutgoingMessage($"job-failed/{job}/{period.Value}", "job-failed", null,
            [Recipient.Parse(organization.Value.OperatorEmail)], subject, html, text, []));
    }
}
