using System.Data;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;
using ReportWorker.Delivery;
using ReportWorker.Telemetry;

namespace ReportWorker.Intake;

/// <summary>
/// Delivery reports that reach the mailbox. Each recipient a report says failed is handed to Delivery
/// (<see cref="IBounceRecorder"/>) in the transaction that marks the report processed; a delay is only logged, and
/// delivered or relayed recipients are ignored. A report is never answered: its sender is a mail server.
/// </summary>
public sealed class MailboxBounces(IBounceRecorder recorder, IOptions<MailOptions> mail, ILogger<MailboxBounces> logger)
{
    /// <summary>The report when at least one recipient failed, or null (then it is other automatic mail). Delays are logged here.</summary>
    public DeliveryReport? Recognise(MimeMessage message, string reportId)
    {
        if (DeliveryReport.Read(message, MailParts.OwnMessageIdSuffix(mail.Value.FromAddress)) is not { } report) return null;
        foreach (var delayed in report.Recipients.Where(r => r.Delayed))
            MailboxLog.DeliveryDelayed(logger, reportId, report.MessageId ?? "-", delayed.Address, delayed.Status, delayed.Diagnostic);
        return report.Failures.Count > 0 ? report : null;
    }

    /// <summary>In the caller's transaction: one bounce per failed recipient. Nothing when the report names no message.</summary>
    public IReadOnlyList<(ReportedRecipient Recipient, BounceOutcome Outcome)> Record(IDbConnection c, IDbTransaction tx, DeliveryReport report, DateTimeOffset receivedAt) =>
        report.MessageId is not { } id ? []
        : report.Failures.Select(r => (r, recorder.Record(c, tx, new Bounce(id, r.Address, r.Status, r.Diagnostic, receivedAt)))).ToArray();

    /// <summary>A report about a message this worker sent: filed as a bounce. One about anyone else's is filed as not answered.</summary>
    public static bool AboutOurs(IReadOnlyList<(ReportedRecipient Recipient, BounceOutcome Outcome)> recorded) =>
        recorded.Any(r => r.Outcome != BounceOutcome.UnknownMessage);

    /// <summary>After the transaction committed.</summary>
    public void Log(string reportId, DeliveryReport report, IReadOnlyList<(ReportedRecipient Recipient, BounceOutcome Outcome)> recorded)
    {
        if (report.MessageId is null)
        {
            MailboxLog.BounceWithoutMessageId(logger, reportId, string.Join(",", report.Failures.Select(f => f.Address)));
            return;
        }
        WorkerTelemetry.MessagesBounced(recorded.Count(r => r.Outcome == BounceOutcome.Recorded));
        foreach (var (r, outcome) in recorded)
        {
            if (outcome == BounceOutcome.UnknownMessage) MailboxLog.BounceForeign(logger, reportId, report.MessageId, r.Address);
            else if (outcome == BounceOutcome.UnknownRecipient) MailboxLog.BounceUnknownRecipient(logger, reportId, report.MessageId, r.Address, r.Status);
            else MailboxLog.BounceRecorded(logger, reportId, report.MessageId, r.Address, r.Status, r.Diagnostic, outcome == BounceOutcome.AlreadyRecorded);
        }
    }
}
