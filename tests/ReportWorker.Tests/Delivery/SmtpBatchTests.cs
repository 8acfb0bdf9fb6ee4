using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using ReportWorker.Delivery;
using ReportWorker.Ledger;
using ReportWorker.Tests.Support;

namespace ReportWorker.Tests.Delivery;

/// <summary>A run is one connection, keeps to the per-minute limit, and shares the outbox safely with a second worker.</summary>
public class SmtpBatchTests
{
    [Fact]
    public async Task A_batch_of_messages_goes_over_one_connection_and_one_login()
    {
        await using var smtp = new SmtpTestServer();
        using var world = new TestWorld(smtp.Settings());
        var ids = Queue.Messages(world, 6);

        var result = await world.Get<OutboxSender>().DeliverDueAsync(CancellationToken.None);

        Assert.Equal(new DeliveryResult(6, 0, 0), result);
        Assert.Equal(1, smtp.Sessions);
        Assert.Equal(6, smtp.MailFromCommands);
        Assert.Equal(6, smtp.DataCommands);
        Assert.All(ids, id => Assert.Single(smtp.ByMessageId(id)));
    }

    [Fact]
    public async Task No_more_than_the_configured_messages_go_in_any_minute()
    {
        TestWorld? world = null;
        WatchedClock? clock = null;
        await using var smtp = new SmtpTestServer(clock: () => world!.Clock.GetUtcNow()); // arrivals on the worker's fake clock
        var settings = smtp.Settings();
        settings["Mail:MaxMessagesPerMinute"] = "2";
        using var w = world = new TestWorld(settings, services: s => s.AddSingleton<TimeProvider>(sp => clock = new WatchedClock(world!.Clock)));
        Queue.Messages(w, 5);
        var start = w.Clock.GetUtcNow();

        var run = w.Get<OutboxSender>().DeliverDueAsync(TestContext.Current.CancellationToken);
        // The fake clock jumps only to the moment the sender's turn is due, so sending itself takes no (fake) time,
        // however slowly the machine runs the sender once its turn has come.
        while (!run.IsCompleted)
        {
            if (clock!.NextDue is { } due && due > w.Clock.GetUtcNow()) w.Clock.Advance(due - w.Clock.GetUtcNow());
            await Task.Delay(2, TestContext.Current.CancellationToken);
        }
        var result = await run;

        Assert.Equal(new DeliveryResult(5, 0, 0), result);
        var times = smtp.Received.Select(r => r.At - start).Order().ToArray();
        // Two at once, two a minute later, the fifth a minute after that.
        Assert.Equal([0, 0, 60, 60, 120], times.Select(t => (int)t.TotalSeconds));
    }

    /// <summary>The worker's clock, telling the test when the timer someone waits on (only the rate limiter does) is due.</summary>
    private sealed class WatchedClock(TimeProvider inner) : TimeProvider
    {
        private readonly System.Collections.Concurrent.ConcurrentDictionary<object, DateTimeOffset> _pending = new();

        /// <summary>When the earliest timer that has neither fired nor been disposed is due; null when nobody waits.</summary>
        public DateTimeOffset? NextDue => _pending.IsEmpty ? null : _pending.Values.Min();
        public override DateTimeOffset GetUtcNow() => inner.GetUtcNow();
        public override TimeZoneInfo LocalTimeZone => inner.LocalTimeZone;
        public override long TimestampFrequency => inner.TimestampFrequency;
        public override long GetTimestamp() => inner.GetTimestamp();

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            var key = new object();
            _pending[key] = inner.GetUtcNow() + dueTime;
            var timer = inner.CreateTimer(s =>
            {
                _pending.TryRemove(key, out _);
                callback(s);
            }, state, dueTime, period);
            return new Watched(timer, () => _pending.TryRemove(key, out _));
        }

        private sealed class Watched(ITimer timer, Action forget) : ITimer
        {
            public bool Change(TimeSpan dueTime, TimeSpan period) => timer.Change(dueTime, period);
            public void Dispose() { forget(); timer.Dispose(); }
            public ValueTask DisposeAsync() { forget(); return timer.DisposeAsync(); }
        }
    }

    [Fact]
    public async Task The_limit_is_a_sliding_minute_not_a_burst_after_each_full_minute()
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2025, 4, 3, 2, 0, 0, TimeSpan.Zero));
        var limiter = new SendRateLimiter(Microsoft.Extensions.Options.Options.Create(new MailOptions { MaxMessagesPerMinute = 3 }), clock);
        // Off the test framework's synchronization context, a turn that comes is taken inside Advance itself:
        // "not yet" and "now" below are states after each Advance, not guesses about how long a continuation takes.
        await Task.Run(async () =>
        {
            await limiter.WaitTurnAsync(CancellationToken.None);
            clock.Advance(TimeSpan.FromSeconds(40));
            await limiter.WaitTurnAsync(CancellationToken.None);
            await limiter.WaitTurnAsync(CancellationToken.None);
            var fourth = limiter.WaitTurnAsync(CancellationToken.None);
            clock.Advance(TimeSpan.FromSeconds(19));
            Assert.False(fourth.IsCompleted);       // the first turn is 59 s old
            clock.Advance(TimeSpan.FromSeconds(1));
            Assert.True(fourth.IsCompletedSuccessfully); // 60 s: the first turn left the window
            var fifth = limiter.WaitTurnAsync(CancellationToken.None);
            clock.Advance(TimeSpan.FromSeconds(39));
            Assert.False(fifth.IsCompleted);        // the 2nd and 3rd are 59 s old
            clock.Advance(TimeSpan.FromSeconds(1));
            Assert.True(fifth.IsCompletedSuccessfully);
        }, TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Two_workers_on_one_ledger_send_each_message_once()
    {
        await using var smtp = new SmtpTestServer();
        var data = Directory.CreateTempSubdirectory("rw-two-workers-").FullName;
        try
        {
            var settings = smtp.Settings();
            settings["Data:Root"] = data;
            using var a = new TestWorld(settings);
            using var b = new TestWorld(settings);
            var ids = Queue.Messages(a, 20);
            var ct = TestContext.Current.CancellationToken;

            var results = await Task.WhenAll(
                Task.Run(() => a.Get<OutboxSender>().DeliverDueAsync(ct), ct),
                Task.Run(() => b.Get<OutboxSender>().DeliverDueAsync(ct), ct));

            Assert.Equal(20, results.Sum(r => r.Sent));
            Assert.All(results, r => Assert.Equal((0, 0, 0), (r.Retried, r.Failed, r.Unconfirmed)));
            Assert.All(ids, id => Assert.Single(smtp.ByMessageId(id)));
            using var c = a.Get<LedgerDatabase>().Open();
            Assert.Equal(20, c.QuerySingle<long>("SELECT COUNT(*) FROM outbox WHERE status = 'sent'"));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(data, recursive: true);
        }
    }

    [Fact]
    public void A_message_is_claimed_for_sending_by_one_worker_only()
    {
        using var world = new TestWorld();
        Queue.Messages(world, 1);
        var outbox = world.Get<OutboxStore>();

        Assert.True(outbox.TryClaim(1, "worker-a"));
        Assert.False(outbox.TryClaim(1, "worker-b"));
        outbox.MarkRetry(1, "worker-b", "not mine", world.Clock.GetUtcNow()); // another worker cannot undo the claim
        var row = Assert.Single(outbox.Sending());
        Assert.Equal("worker-a", row.ClaimedBy);
    }
}
