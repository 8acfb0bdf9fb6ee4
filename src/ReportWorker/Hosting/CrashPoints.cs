using System.Diagnostics;

namespace ReportWorker.Hosting;

/// <summary>
/// Lets the crash-safety test kill the process (SIGKILL, no clean-up) at a named step, so the claim
/// "a crash between any two steps neither loses a file nor records it twice" is tested, not hoped.
/// Inert unless REPORTWORKER_CRASH_AT names the step (and, optionally, after how many hits: step:N).
/// </summary>
internal static class CrashPoints
{
    private static readonly string? Target = Environment.GetEnvironmentVariable("REPORTWORKER_CRASH_AT");
    private static int _hits;

    public static void Hit(string step)
    {
        if (Target is null) return;
        var parts = Target.Split(':');
        if (parts[0] != step) return;
        var after = parts.Length > 1 && int.TryParse(parts[1], out var n) ? n : 1;
        if (Interlocked.Increment(ref _hits) >= after) Process.GetCurrentProcess().Kill();
    }
}
