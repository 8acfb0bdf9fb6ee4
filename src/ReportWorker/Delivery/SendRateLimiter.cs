using Microsoft.Extensions.Options;

namespace ReportWorker.Delivery;

/// <summary>
/// At most Mail:MaxMessagesPerMinute messages handed over in any 60 seconds, counted across the runs of
/// this process. A sliding window rather than a token bucket: a bucket lets a full burst follow a full
/// minute, which is exactly what providers' per-minute limits refuse. Waits on the injected clock.
/// </summary>
public sealed class SendRateLimiter(IOptions<MailOptions> options, TimeProvider clock)
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);
    private readonly Queue<DateTimeOffset> _recent = new();

    /// <summary>Returns when one more message may go, and counts it. Not thread-safe: the sender runs one batch at a time.</summary>
    public async Task WaitTurnAsync(CancellationToken ct)
    {
        var limit = options.Value.MaxMessagesPerMinute;
        if (limit == 0) return;
        while (true)
        {
            var now = clock.GetUtcNow();
            while (_recent.Count > 0 && now - _recent.Peek() >= Window) _recent.Dequeue();
            if (_recent.Count < limit)
            {
                _recent.Enqueue(now);
                return;
            }
            await Task.Delay(_recent.Peek() + Window - now, clock, ct);
        }
    }
}
