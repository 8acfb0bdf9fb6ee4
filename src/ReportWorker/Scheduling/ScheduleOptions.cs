using System.ComponentModel.DataAnnotations;

namespace ReportWorker.Scheduling;

/// <summary>When each job runs: Quartz cron expressions read in Organization:TimeZone.</summary>
public sealed class ScheduleOptions
{
    public const string SectionName = "Schedule";

    /// <summary>A fire later than this (service down, machine asleep) is a misfire: it runs once when the service is back.</summary>
    [Range(1, 86_400)] public int MisfireThresholdSeconds { get; set; } = 60;

    /// <summary>A form, reminder or briefing run that fails is tried again this many times (15, 30, 45 … minutes apart) before the operators are e-mailed.</summary>
    [Range(0, 20)] public int RetryFailedRuns { get; set; } = 4;

    /// <summary>On PostgreSQL the workers form a Quartz cluster: each fire runs on one node, and a dead node's jobs are taken over.</summary>
    public ClusterOptions Cluster { get; set; } = new();

    /// <summary>Each registered job's schedule, by job name; the defaults are in appsettings.json.</summary>
    public Dictionary<string, JobScheduleOptions> Jobs { get; set; } = [];
}

public sealed class JobScheduleOptions
{
    public string Cron { get; set; } = "";
    /// <summary>
    /// A fire that falls on a holiday or weekend runs on the next working day at the same time instead.
    /// Unset: what the job itself declares (forms, reminders and briefings move; intake and delivery do not).
    /// </summary>
    public bool? WorkingDaysOnly { get; set; }
    public bool Enabled { get; set; } = true;
}

public sealed class ClusterOptions
{
    /// <summary>How often each node tells the others it is alive.</summary>
    [Range(1, 3600)] public int CheckinIntervalSeconds { get; set; } = 5;
    /// <summary>A node silent for longer than this is taken for dead, and its running jobs are recovered by another.</summary>
    [Range(1, 3600)] public int CheckinMisfireThresholdSeconds { get; set; } = 20;
}
