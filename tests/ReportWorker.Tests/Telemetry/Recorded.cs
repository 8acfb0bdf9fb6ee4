using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using ReportWorker.Telemetry;

namespace ReportWorker.Tests.Telemetry;

/// <summary>Everything the worker's meter measures and every span it and MailKit start while this lives.</summary>
public sealed class Recorded : IDisposable
{
    private readonly MeterListener _meters = new();
    private readonly ActivityListener _spans;

    public ConcurrentQueue<(string Instrument, double Value, Dictionary<string, string?> Tags)> Measurements { get; } = new();
    public ConcurrentQueue<Activity> Spans { get; } = new();

    public Recorded()
    {
        _meters.InstrumentPublished = (instrument, listener) => { if (instrument.Meter.Name == WorkerTelemetry.Name) listener.EnableMeasurementEvents(instrument); };
        _meters.SetMeasurementEventCallback<long>((i, value, tags, _) => Add(i, value, tags));
        _meters.SetMeasurementEventCallback<double>((i, value, tags, _) => Add(i, value, tags));
        _meters.Start();
        _spans = new ActivityListener
        {
            ShouldListenTo = s => s.Name == WorkerTelemetry.Name || s.Name.StartsWith("MailKit.", StringComparison.Ordinal),
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = Spans.Enqueue,
        };
        ActivitySource.AddActivityListener(_spans);
    }

    private void Add(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var map = new Dictionary<string, string?>();
        foreach (var t in tags) map[t.Key] = t.Value?.ToString();
        Measurements.Enqueue((instrument.Name, value, map));
    }

    /// <summary>The sum of what <paramref name="instrument"/> recorded with all of <paramref name="tags"/> ("key=value").</summary>
    public double Sum(string instrument, params string[] tags) => Of(instrument, tags).Sum();

    public IReadOnlyList<double> Of(string instrument, params string[] tags) =>
        Measurements.Where(m => m.Instrument == instrument && tags.All(t => t.Split('=', 2) is [var k, var v] && m.Tags.GetValueOrDefault(k) == v))
            .Select(m => m.Value).ToArray();

    public void Dispose()
    {
        _meters.Dispose();
        _spans.Dispose();
    }
}

/// <summary>Tests that listen to the process-wide meter and sources, or set process-wide variables: alone, after the rest.</summary>
[CollectionDefinition(nameof(TelemetryListeners), DisableParallelization = true)]
public sealed class TelemetryListeners;
