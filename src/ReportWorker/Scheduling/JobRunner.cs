using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ReportWorker.Briefings;
using ReportWorker.Delivery;
using ReportWorker.Forms;
using ReportWorker.Intake;
using ReportWorker.Reminders;

namespace ReportWorker.Scheduling;

public sealed record JobOutcome(string Job, JobPeriod Period, bool Succeeded, string Summary);

/// <summary>
/// Runs one job for one period. The schedule and the operator's <c>run</c> command both come through
/// here, so a re-run does exactly what the schedule would have done. Every feature it calls is
/// idempotent by key (a form, a reminder, a briefing version is queued once), so running a period
/// again never sends anything twice.
/// </summary>
public sealed class JobRunner(IServiceProvider services, JobRunStore runs, IOptions<IntakeOptions> intake, ILogger<JobRunner> logger)
{
    public async Task<JobOutcome> RunAsync(string job, JobPeriod period, DateTimeOffset? occurrence, string startedBy, CancellationToken ct)
    {
        var periodic = JobNames.PeriodOf(job) != PeriodKind.None;
        var runId = periodic ? runs.Start(job, period, occurrence, startedBy) : 0;
        try
        {
            var summary = await ExecuteAsync(job, period, ct);
            if (periodic) runs.Finish(runId, done: true, summary);
            if (periodic) SchedulingLog.JobDone(logger, job, period.Value, summary);
            else SchedulingLog.ContinuousJobDone(logger, job, summary);
            return new JobOutcome(job, period, true, summary);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            // A failed run is recorded and logged; the schedule goes on and the next fire (or `run`) tries again.
            if (periodic) runs.Finish(runId, done: false, ex.Message);
            SchedulingLog.JobFailed(logger, ex, job, period.Value);
            return new JobOutcome(job, period, false, ex.Message);
        }
    }

    private async Task<string> ExecuteAsync(string job, JobPeriod period, CancellationToken ct)
    {
        // Forms and briefings for nobody are a set-up mistake, not a month with nothing to do. (Reminders for
        // nobody are simply none: the forms run has already told the operators.)
        if (JobNames.PeriodOf(job) is PeriodKind.Month or PeriodKind.Quarter) RequireRegistry();
        switch (job)
        {
            case JobNames.Forms:
                var forms = Get<FormService>().Generate(period.Month, null, null, send: true);
                return $"{period} 月报表 {forms.Count} 份，新排队 {forms.Count(f => f.Queued)} 封";
            case JobNames.Reminders:
                return Get<ReminderService>().Remind(period.Day).Summary;
            case JobNames.MonthlyNotice:
                var monthly = Get<BriefingService>().Monthly(period.Month, null, reissue: false);
                var m = Get<BriefingMailer>().QueueMonthly(monthly);
                return $"{period} 月通报第{monthly.Record.IssueNo}期，{monthly.Document.PageCount} 页，新排队 {m} 封";
            case JobNames.QuarterlyNotice:
                var quarterly = Get<QuarterlyService>().Quarterly(period.Quarter, null, reissue: false);
                var q = Get<BriefingMailer>().QueueQuarterly(quarterly);
                return $"{period} 季督办 {quarterly.Figures.Items.Count} 项，督办单 {quarterly.Slips.Count} 份，新排队 {q} 封";
            case JobNames.IntakeFolder:
                var files = Get<FolderIntake>().ProcessInbox(TimeSpan.FromSeconds(intake.Value.SettleSeconds), ct);
                return $"文件 {files.Count} 个（登记 {files.Count(f => f.IsAccepted)}）";
            case JobNames.IntakeMailbox:
                return await ReadMailboxAsync(ct);
            case JobNames.Outbox:
                var sent = await Get<OutboxSender>().DeliverDueAsync(ct);
                return $"发出 {sent.Sent}，待重试 {sent.Retried}，失败 {sent.Failed}";
            default:
                throw new ArgumentException($"Unknown job '{job}'.");
        }
    }

    private async Task<string> ReadMailboxAsync(CancellationToken ct)
    {
        var mailbox = Get<MailboxIntake>();
        if (!mailbox.Enabled) return "未配置收件邮箱（Intake:Mailbox:Host）";
        try
        {
            var messages = await mailbox.ProcessAsync(ct);
            return $"邮件 {messages.Count} 封，附件 {messages.Sum(m => m.Files.Count)} 个（登记 {messages.Sum(m => m.Files.Count(f => f.IsAccepted))}）";
        }
        catch (Exception ex) when (MailboxIntake.IsTransient(ex) && !ct.IsCancellationRequested)
        {
            // The server is down or unreachable: nothing was taken, the next run tries again.
            var o = Get<IOptions<MailboxOptions>>().Value;
            MailboxLog.Unreachable(logger, o.Host, o.Port, ex.Message);
            return $"收件邮箱 {o.Host}:{o.Port} 暂时无法连接";
        }
    }

    private void RequireRegistry()
    {
        var registry = Get<Registry.RegistryStore>();
        if (registry.Units().Count == 0) throw new InvalidOperationException("单位名录为空：请先运行 import units 文件 导入单位名录。");
        if (registry.Tasks().Count == 0) throw new InvalidOperationException("任务清单为空：请先运行 import tasks 文件 导入年度任务清单。");
    }

    private T Get<T>() where T : notnull => services.GetRequiredService<T>();
}
