namespace ReportWorker.Demo;

/// <summary>
/// The demo replays the year 2025 in seconds: each form is taken in at the moment the
/// sample says it arrived, so 按时/逾期 come out as they would have. Used only by the demo command.
/// </summary>
public sealed class DemoClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;
    public override DateTimeOffset GetUtcNow() => _now.ToUniversalTime();
    public void Set(DateTimeOffset now) => _now = now;
}
