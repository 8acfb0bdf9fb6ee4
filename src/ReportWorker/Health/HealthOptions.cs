using System.ComponentModel.DataAnnotations;

namespace ReportWorker.Health;

/// <summary>Limits the <c>health</c> command judges by. The other limits it uses are the features' own (Mail:AlertAfterAttempts, Mail:SendingStaleMinutes, Schedule:RetryFailedRuns).</summary>
public sealed class HealthOptions
{
    public const string SectionName = "Health";

    /// <summary>A check with no answer by then is reported 故障 and left behind, so one hung server cannot hang the command.</summary>
    [Range(1, 600)] public int CheckTimeoutSeconds { get; set; } = 20;

    /// <summary>How long the SMTP and IMAP servers get to answer (at most their own TimeoutSeconds); keep it under <see cref="CheckTimeoutSeconds"/>.</summary>
    [Range(1, 600)] public int MailTimeoutSeconds { get; set; } = 15;

    /// <summary>Free space under the data folder below this is 注意.</summary>
    [Range(0, 100_000_000)] public int DiskWarningMegabytes { get; set; } = 1024;

    /// <summary>Free space under the data folder below this is 故障: received forms and briefings could no longer be written.</summary>
    [Range(0, 100_000_000)] public int DiskCriticalMegabytes { get; set; } = 100;

    /// <summary>A scheduled run not done this long after its time (moved off holidays) is overdue. Retries start 15 minutes after a failure.</summary>
    [Range(1, 7 * 24 * 60)] public int JobGraceMinutes { get; set; } = 60;

    /// <summary>A message due for this long that no delivery run has taken means delivery is not running.</summary>
    [Range(1, 7 * 24 * 60)] public int OutboxDueMinutes { get; set; } = 60;

    /// <summary>Messages given up (failed) are 注意; this many or more are 故障: something wider than one bad address is wrong.</summary>
    [Range(1, 1_000_000)] public int FailedMessagesCritical { get; set; } = 10;
}
