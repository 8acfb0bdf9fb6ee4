using System.ComponentModel;
using System.Diagnostics;

namespace ReportWorker.Delivery;

/// <summary>
/// Names the worker that claims a message for sending (host/pid/process start/instance), so that another
/// worker can tell whether the claim is still being acted on or was cut off by a crash.
/// </summary>
public sealed class SenderIdentity
{
    private static readonly string Machine = Environment.MachineName.Replace('/', '_');
    private static readonly long ProcessStart = StartOf(Process.GetCurrentProcess());

    public string Claim { get; } = $"{Machine}/{Environment.ProcessId}/{ProcessStart}/{Guid.NewGuid():N}";

    /// <summary>
    /// True when the claimant cannot still be sending: it is this instance (whose runs never overlap), a
    /// process on this machine that has ended (its pid gone or reused), or the claim is older than
    /// <paramref name="stale"/> (a worker on another machine cannot be looked at).
    /// </summary>
    public bool IsAbandoned(string? claim, DateTimeOffset since, DateTimeOffset now, TimeSpan stale)
    {
        if (claim is null || claim == Claim || now - since >= stale) return true;
        var parts = claim.Split('/');
        if (parts.Length != 4 || parts[0] != Machine || !int.TryParse(parts[1], out var pid) || !long.TryParse(parts[2], out var start)) return false;
        return !IsRunning(pid, start);
    }

    /// <summary>The claim a process would have made (for tests that play another worker).</summary>
    public static string ClaimOf(Process process, string instance = "other") => $"{Machine}/{process.Id}/{StartOf(process)}/{instance}";

    private static bool IsRunning(int pid, long start)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited && StartOf(process) == start;
        }
        catch (ArgumentException) { return false; }          // no process with that id
        catch (InvalidOperationException) { return false; }  // it ended while we looked
        catch (Win32Exception) { return true; }              // not ours to inspect: assume alive, the stale limit decides
    }

    // Whole seconds: the start time is read from /proc and must compare equal across readings.
    private static long StartOf(Process process) => process.StartTime.ToUniversalTime().Ticks / TimeSpan.TicksPerSecond;
}
