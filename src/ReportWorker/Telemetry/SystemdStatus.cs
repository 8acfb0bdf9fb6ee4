using System.Globalization;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Systemd;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ReportWorker.Calendar;
using ReportWorker.Scheduling;

namespace ReportWorker.Telemetry;

/// <summary>
/// The line <c>systemctl status reportworker</c> shows under "Status:": what the worker is doing
/// ("正在运行：monthly-notice 2025-03", "空闲，下一个任务：月通报 4月8日 09:00") and its last failed run
/// ("上次错误 04-03 10:02 forms：…"). Sent only under systemd with Type=notify (NOTIFY_SOCKET set, so the
/// notifier is enabled); otherwise every call returns at once.
/// </summary>
internal sealed partial class SystemdStatus(IEnumerable<ISystemdNotifier> notifiers, JobCatalog jobs, SchedulePlanner planner,
    IOptions<ScheduleOptions> schedule, ReportingCalendar calendar, Delivery.OutboxStore outbox, ILogger<SystemdStatus> logger) : Hosting.StartedHook, IJobRunObserver
{
    private const int MaxErrorLength = 160;
    private readonly ISystemdNotifier? _notifier = notifiers.LastOrDefault(n => n.IsEnabled);
    // Held while sending too, so that two jobs ending together cannot leave the older line on display.
    private readonly Lock _lock = new();
    private readonly List<string> _running = [];
    private string? _lastError;
    private bool _stopping;

    // Once every service has started (the calendar read, the scheduler running), and again when stopping begins.
    public override Task StartedAsync(CancellationToken ct)
    {
        Update(() => { });
        return Task.CompletedTask;
    }

    public override Task StoppingAsync(CancellationToken ct)
    {
        Update(() => _stopping = true);
        return Task.CompletedTask;
    }


    private void Update(Action change)
    {
        if (_notifier is null) return;
        lock (_lock)
        {
            change();
            Send();
        }
    }

    public void Started(IScheduledJob job, JobPeriod period) => Update(() => _running.Add(Describe(job, period)));

    public void Finished(IScheduledJob job, JobPeriod period, JobOutcome? outcome) => Update(() =>
    {
        _running.Remove(Describe(job, period));
        // A period not open yet is a wait, not an error; a stop is neither.
        if (outcome is { Succeeded: false, Refusal: null })
            _lastError = $"上次错误 {calendar.Now.ToString("MM-dd HH:mm", CultureInfo.InvariantCulture)} {job.Name}：{OneLine(outcome.Summary)}";
    });

    /// <summary>Under the lock.</summary>
    private void Send()
    {
        var doing = (_stopping, _running.Count) switch
        {
            (true, 0) => "正在停止",
            (true, _) => $"正在停止，等待：{string.Join("、", _running)}",
            (false, 0) => Idle(),
            _ => $"正在运行：{string.Join("、", _running)}",
        };
        var line = _lastError is null ? doing : $"{doing}；{_lastError}";
        // An outage fails no job (messages wait), yet it is what the office most needs to see here.
        if (RelayOutage() is { } relay) line = $"{relay}；{line}";
        try { _notifier!.Notify(new ServiceState($"STATUS={line}")); }
        catch (SocketException ex) { TelemetryLog.StatusNotSent(logger, ex.Message); }
    }

    private string? RelayOutage()
    {
        try
        {
            return outbox.RelayStatus() is { } down
                ? $"邮件服务器无法连接（自 {calendar.ToLocal(down.Since).ToString("MM-dd HH:mm", CultureInfo.InvariantCulture)}，{down.Waiting} 封待发）"
                : null;
        }
        catch (Exception ex) when (ex is System.Data.Common.DbException or InvalidOperationException) { return null; } // the status line never stops a job
    }

    private static string Describe(IScheduledJob job, JobPeriod period) => period.Value.Length == 0 ? job.Name : $"{job.Name} {period.Value}";

    /// <summary>
    /// "空闲，下一个任务：月通报 4月8日 09:00": the next run of a job about a month, quarter or year. Daily and
    /// continuous jobs are left out: they would always be next and hide the monthly rhythm.
    /// </summary>
    private string Idle()
    {
        var now = calendar.Now;
        var next = jobs.All
            .Where(j => j.Period is not (FirePeriod.None or FirePeriod.Day))
            .Where(j => schedule.Value.Jobs.TryGetValue(j.Name, out var s) && s.Enabled)
            .Select(j => (Job: j, Run: planner.NextRun(j.Name, now)))
            .Where(n => n.Run is not null)
            .MinBy(n => n.Run!.Value.RunAt);
        if (next.Job is null) return "空闲";
        var at = calendar.ToLocal(next.Run!.Value.RunAt);
        return $"空闲，下一个任务：{next.Job.Title} {at.ToString("M月d日 HH:mm", CultureInfo.InvariantCulture)}";
    }

    private static string OneLine(string text)
    {
        var line = Whitespace().Replace(text, " ").Trim();
        return line.Length <= MaxErrorLength ? line : line[..MaxErrorLength] + "…";
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
