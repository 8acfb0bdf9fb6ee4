using ReportWorker.Delivery;
using ReportWorker.Periods;
using ReportWorker.Scheduling;
using ReportWorker.Tests.Support;

namespace ReportWorker.Tests.Telemetry;

/// <summary>The features' own code paths record what they did: files, messages, job runs, documents, and the spans around them.</summary>
[Collection(nameof(TelemetryListeners))]
public sealed class MetricsAndTracesTests
{
    private static readonly ReportMonth March = new(2025, 3);

    [Fact]
    public void Intake_of_a_good_and_a_bad_file_counts_two_received_one_accepted_one_rejected()
    {
        using var world = new TestWorld();
        world.ImportSmallRegistry();
        world.Drop("good.xlsx", world.FilledForm("U02", March));
        world.Drop("bad.xlsx", BadFiles.Make("bad-status", world));
        using var recorded = new Recorded();

        var outcomes = world.RunIntake();

        Assert.Equal(2, outcomes.Count);
        Assert.Equal(2, recorded.Sum("reportworker.intake.files.received", "source=folder"));
        Assert.Equal(1, recorded.Sum("reportworker.intake.files.accepted", "source=folder"));
        Assert.Equal(1, recorded.Sum("reportworker.intake.files.rejected", "source=folder", "reason=invalid"));
        Assert.Equal(2, recorded.Spans.Count(s => s.OperationName == "intake file" && (string?)s.GetTagItem("reportworker.intake.source") == "folder"));
    }

    [Fact]
    public void A_file_sent_twice_counts_its_second_arrival_as_a_duplicate_rejection()
    {
        using var world = new TestWorld();
        world.ImportSmallRegistry();
        var form = world.FilledForm("U02", March);
        world.TakeIn("first.xlsx", form);
        using var recorded = new Recorded();

        world.TakeIn("again.xlsx", form);

        Assert.Equal(1, recorded.Sum("reportworker.intake.files.received"));
        Assert.Equal(0, recorded.Sum("reportworker.intake.files.accepted"));
        Assert.Equal(1, recorded.Sum("reportworker.intake.files.rejected", "reason=duplicate"));
    }

    [Fact]
    public async Task A_sent_message_counts_as_sent_and_MailKits_smtp_spans_nest_under_our_send_span()
    {
        await using var smtp = new SmtpTestServer();
        using var world = new TestWorld(smtp.Settings());
        world.ImportSmallRegistry();
        world.TakeIn("f.xlsx", world.FilledForm("U02", March));
        using var recorded = new Recorded();

        var result = await world.Get<OutboxSender>().DeliverDueAsync(CancellationToken.None);

        Assert.Equal(new DeliveryResult(1, 0, 0), result);
        Assert.Equal(1, recorded.Sum("reportworker.mail.messages", "outcome=sent"));
        Assert.Equal(0, recorded.Sum("reportworker.mail.messages", "outcome=failed"));
        var send = Assert.Single(recorded.Spans, s => s.OperationName == "outbox send");
        Assert.Equal("receipt", send.GetTagItem("reportworker.mail.kind"));
        Assert.Contains(recorded.Spans, s => s.Source.Name == MailKit.Telemetry.SmtpClient.ActivitySourceName && s.ParentSpanId == send.SpanId);
    }

    [Fact]
    public async Task A_job_run_counts_one_run_with_its_duration_and_its_documents_inside_its_span()
    {
        using var world = new TestWorld(start: new DateTimeOffset(2025, 3, 20, 10, 0, 0, TimeSpan.FromHours(8)));
        world.ImportSmallRegistry();
        world.TakeIn("u01.xlsx", world.FilledForm("U01", March));
        world.SetLocalTime(2025, 4, 8, 9);
        using var recorded = new Recorded();

        var outcome = await world.Get<JobRunner>().RunAsync(world.Get<JobCatalog>()["monthly-notice"], JobPeriod.Of(March), null, "operator", force: false, CancellationToken.None);

        Assert.True(outcome.Succeeded, outcome.Summary);
        Assert.Equal(1, recorded.Sum("reportworker.job.runs", "job=monthly-notice", "outcome=succeeded"));
        var duration = Assert.Single(recorded.Of("reportworker.job.duration", "job=monthly-notice", "outcome=succeeded"));
        Assert.InRange(duration, 0.001, 600);
        Assert.Equal(1, recorded.Sum("reportworker.documents.rendered", "kind=monthly-notice"));
        var job = Assert.Single(recorded.Spans, s => s.OperationName == "job monthly-notice");
        Assert.Equal("2025-03", job.GetTagItem("reportworker.period"));
        Assert.Equal("succeeded", job.GetTagItem("reportworker.outcome"));
        var render = Assert.Single(recorded.Spans, s => s.OperationName == "render document");
        Assert.Equal(job.TraceId, render.TraceId);
        Assert.Equal(job.SpanId, render.ParentSpanId);
    }

    [Fact]
    public async Task A_failed_job_run_counts_as_failed_and_marks_its_span_as_an_error()
    {
        // Nobody imported the registry: the forms run fails.
        using var world = new TestWorld();
        using var recorded = new Recorded();

        var outcome = await world.Get<JobRunner>().RunAsync(world.Get<JobCatalog>()["forms"], JobPeriod.Of(new ReportMonth(2025, 4)), null, "operator", force: false, CancellationToken.None);

        Assert.False(outcome.Succeeded);
        Assert.Equal(1, recorded.Sum("reportworker.job.runs", "job=forms", "outcome=failed"));
        var job = Assert.Single(recorded.Spans, s => s.OperationName == "job forms");
        Assert.Equal(System.Diagnostics.ActivityStatusCode.Error, job.Status);
    }
}
