using Microsoft.Extensions.Options;
using ReportWorker.Scheduling;

namespace ReportWorker.Intake;

/// <summary>Every minute: the files waiting in the inbox folder, once they have stopped changing.</summary>
public sealed class FolderIntakeJob(FolderIntake intake, IOptions<IntakeOptions> options) : IScheduledJob
{
    public string Name => "intake-folder";
    public string Title => "收取文件夹中的报表";
    public FirePeriod Period => FirePeriod.None;

    public Task<string> RunAsync(JobPeriod period, bool force, CancellationToken ct)
    {
        var files = intake.ProcessInbox(TimeSpan.FromSeconds(options.Value.SettleSeconds), ct);
        return Task.FromResult($"文件 {files.Count} 个（登记 {files.Count(f => f.IsAccepted)}）");
    }
}
