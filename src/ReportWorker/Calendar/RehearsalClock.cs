using System.Globalization;
using Microsoft.Extensions.Configuration;

using ReportWorker.Hosting;

namespace ReportWorker.Calendar;

/// <summary>
/// A clock that runs fast, for rehearsals and end-to-end tests: simulated time is
/// <c>Clock:SimulatedStart + (real now − Clock:RealStart) × Clock:Speed</c>. Because it is pinned to a real
/// instant, a worker killed and started again carries on where the simulation would be, downtime included.
/// Never configured in production; the worker logs a warning when it is.
/// </summary>
public sealed class RehearsalClock(DateTimeOffset simulatedStart, DateTimeOffset realStart, double speed) : TimeProvider
{
    // Quartz polls with timers made by the TimeProvider; scaled down naively they would spin the CPU.
    private static readonly TimeSpan ShortestRealWait = TimeSpan.FromMilliseconds(50);

    public double Speed => speed;

    public override DateTimeOffset GetUtcNow() => simulatedStart + (System.GetUtcNow() - realStart) * speed;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        System.CreateTimer(callback, state, Scale(dueTime), Scale(period));

    private TimeSpan Scale(TimeSpan t) =>
        t == Timeout.InfiniteTimeSpan || t <= TimeSpan.Zero ? t : TimeSpan.FromTicks(Math.Max((long)(t.Ticks / speed), ShortestRealWait.Ticks));

    /// <summary>The clock the configuration asks for: <see cref="TimeProvider.System"/> unless Clock:SimulatedStart is set.</summary>
    public static TimeProvider FromConfiguration(IConfiguration configuration)
    {
        var section = configuration.GetSection("Clock");
        var start = section["SimulatedStart"];
        if (string.IsNullOrWhiteSpace(start)) return System;
        var realStart = section["RealStart"] is { Length: > 0 } r ? Parse(r, "Clock:RealStart") : System.GetUtcNow();
        var speed = section["Speed"] is { Length: > 0 } s
            ? double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) ? parsed : double.NaN
            : 1;
        if (double.IsNaN(speed) || speed is <= 0 or > 1_000_000)
            throw new InvalidSettingsException($"Clock:Speed 应为大于 0、不超过 1000000 的数字（模拟时间相对真实时间的倍数），现为“{section["Speed"]}”。");
        return new RehearsalClock(Parse(start, "Clock:SimulatedStart"), realStart, speed);
    }

    private static DateTimeOffset Parse(string text, string key) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value)
            ? value
            : throw new InvalidSettingsException($"{key}“{text}”不是日期时间，应写成 2025-03-24T20:00:00+08:00 的形式。");
}

/// <summary>The keys of the Clock section, read before the container exists; declared so a typo in them is caught.</summary>
internal sealed class RehearsalClockSettings
{
    public DateTimeOffset? SimulatedStart { get; set; }
    public DateTimeOffset? RealStart { get; set; }
    public double Speed { get; set; }
}
