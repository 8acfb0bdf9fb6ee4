using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace ReportWorker.Telemetry;

/// <summary>
/// The worker's own metrics and traces: one <see cref="Meter"/> and one <see cref="ActivitySource"/>, both named
/// "ReportWorker". Features record with one line and see no OpenTelemetry type; with nothing listening (OTLP not
/// configured) a recording costs a check of a flag. Names are stable and English: dashboards outlive wording.
/// </summary>
public static class WorkerTelemetry
{
    public const string Name = "ReportWorker";

    private static readonly string? Version = typeof(WorkerTelemetry).Assembly.GetName().Version?.ToString();
    internal static readonly ActivitySource Source = new(Name, Version);
    internal static readonly Meter Meter = new(Name, Version);

    // Jobs take from milliseconds (an empty outbox) to minutes (a 季督办 with a hundred 督办单); the SDK's default
    // buckets are made for milliseconds.
    private static readonly InstrumentAdvice<double> Seconds = new() { HistogramBucketBoundaries = [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600, 1800] };

    private static readonly Counter<long> FilesReceived = Meter.CreateCounter<long>("reportworker.intake.files.received", "{file}", "Files taken in (inbox folder or mailbox attachment).");
    private static readonly Counter<long> FilesAccepted = Meter.CreateCounter<long>("reportworker.intake.files.accepted", "{file}", "Files recorded as a unit's monthly report.");
    private static readonly Counter<long> FilesRejected = Meter.CreateCounter<long>("reportworker.intake.files.rejected", "{file}", "Files answered with a rejection (reason=invalid or duplicate).");
    private static readonly Counter<long> Messages = Meter.CreateCounter<long>("reportworker.mail.messages", "{message}",
        "Outbox messages by outcome: sent (handed to the relay), deferred (to be tried again), failed (given up), bounced (one per bounced recipient).");
    private static readonly Counter<long> JobRuns = Meter.CreateCounter<long>("reportworker.job.runs", "{run}", "Job runs by job and outcome (succeeded, refused, failed, cancelled).");
    private static readonly Histogram<double> JobDuration = Meter.CreateHistogram("reportworker.job.duration", "s", "How long a job run took.", advice: Seconds);
    private static readonly Counter<long> Documents = Meter.CreateCounter<long>("reportworker.documents.rendered", "{document}", "PDF documents rendered, by kind.");
    private static readonly Histogram<double> RenderDuration = Meter.CreateHistogram("reportworker.documents.render.duration", "s", "How long rendering one PDF took.", advice: Seconds);

    /// <summary>The span of one job run; null when nobody listens.</summary>
    public static Activity? StartJob(string job, string period) =>
        Source.StartActivity($"job {job}")?.SetTag("reportworker.job", job).SetTag("reportworker.period", period);

    /// <summary>Counts a finished run; <paramref name="outcome"/> is succeeded, refused, failed or cancelled.</summary>
    public static void JobRan(Activity? activity, string job, string outcome, TimeSpan elapsed, string? error = null)
    {
        var tags = new TagList { { "job", job }, { "outcome", outcome } };
        JobRuns.Add(1, tags);
        JobDuration.Record(elapsed.TotalSeconds, tags);
        activity?.SetTag("reportworker.outcome", outcome);
        if (outcome == "failed") activity?.SetStatus(ActivityStatusCode.Error, error);
    }

    /// <summary>The span of reading and checking one arrived file (hashing, archiving, reading, checking).</summary>
    public static Activity? StartIntakeFile(string source) =>
        Source.StartActivity("intake file")?.SetTag("reportworker.intake.source", source);

    /// <summary>Counts one file's verdict: received, and accepted or rejected (a duplicate is a rejection with reason=duplicate).</summary>
    public static void FileTakenIn(string source, bool accepted, bool duplicate)
    {
        var from = new KeyValuePair<string, object?>("source", source);
        FilesReceived.Add(1, from);
        if (accepted) FilesAccepted.Add(1, from);
        else FilesRejected.Add(1, from, new("reason", duplicate ? "duplicate" : "invalid"));
    }

    /// <summary>The span of one SMTP transaction for one outbox message (MailKit's own spans nest under it).</summary>
    public static Activity? StartSend(string kind, long outboxId) =>
        Source.StartActivity("outbox send")?.SetTag("reportworker.mail.kind", kind).SetTag("reportworker.outbox.id", outboxId);

    /// <summary>Counts what one delivery run did with its messages.</summary>
    public static void MessagesDelivered(int sent, int deferred, int failed)
    {
        if (sent > 0) Messages.Add(sent, new KeyValuePair<string, object?>("outcome", "sent"));
        if (deferred > 0) Messages.Add(deferred, new KeyValuePair<string, object?>("outcome", "deferred"));
        if (failed > 0) Messages.Add(failed, new KeyValuePair<string, object?>("outcome", "failed"));
    }

    /// <summary>Counts recipients newly recorded as bounced by a delivery report.</summary>
    public static void MessagesBounced(int recipients)
    {
        if (recipients > 0) Messages.Add(recipients, new KeyValuePair<string, object?>("outcome", "bounced"));
    }

    /// <summary>Renders one document inside a span and counts it: <c>return WorkerTelemetry.Render("monthly-notice", doc.Render);</c></summary>
    public static T Render<T>(string kind, Func<T> render)
    {
        using var activity = Source.StartActivity("render document")?.SetTag("reportworker.document.kind", kind);
        var started = Stopwatch.GetTimestamp();
        var document = render();
        var tag = new KeyValuePair<string, object?>("kind", kind);
        Documents.Add(1, tag);
        RenderDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, tag);
        return document;
    }
}
