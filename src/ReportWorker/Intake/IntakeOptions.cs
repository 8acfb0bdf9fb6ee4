using System.ComponentModel.DataAnnotations;

namespace ReportWorker.Intake;

public sealed class IntakeOptions
{
    public const string SectionName = "Intake";

    /// <summary>Files larger than this are refused unread (default 10 MB).</summary>
    [Range(1024, long.MaxValue)] public long MaxFileBytes { get; set; } = 10 * 1024 * 1024;
    /// <summary>A workbook that inflates past this is treated as a zip bomb (default 100 MB).</summary>
    [Range(1024, long.MaxValue)] public long MaxUncompressedBytes { get; set; } = 100 * 1024 * 1024;
    [Range(10, 100_000)] public int MaxZipEntries { get; set; } = 2000;
    /// <summary>The worker leaves a file alone until it has not changed for this long (it may still be copying).</summary>
    [Range(0, 3600)] public int SettleSeconds { get; set; } = 5;
}
