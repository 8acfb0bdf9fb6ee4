using ReportWorker.Briefings;
using ReportWorker.Calendar;
using ReportWorker.Delivery;
using ReportWorker.Forms;
using ReportWorker.Intake;
using ReportWorker.Ledger;
using ReportWorker.Registry;
using ReportWorker.Samples;
using ReportWorker.Storage;
using ReportWorker.Periods;

namespace ReportWorker.Demo;

public sealed record DemoResult(int Fed, int Skipped, int Accepted, int Rejected, int Delivered, ReportMonth FirstMonth, ReportMonth LastMonth,
    int Notices, int Quarters, string? MonthlyPath, string? QuarterlyPath, int Slips, int BriefingMails);

/// <summary>
/// Imports the sample province, feeds each sample form through the inbox at its arrival time, issues each
/// 月通报 and 季督办 when the schedule would, and delivers the answers to the pickup folder. Idempotent: a
/// form already received is not fed again, and a briefing issued again is the same version, queued once.
/// </summary>
public sealed class DemoRunner(
    UnitImporter units, TaskImporter tasks, FolderIntake intake, ReceivedFileStore received, OutboxSender sender,
    FormService forms, TaskBooks books, DataPaths paths, DemoClock clock, DemoArrivals sources, DemoSchedule schedule,
    BriefingPublisher briefings)
{
    public async Task<DemoResult> RunAsync(string samplesFolder, TextWriter log, CancellationToken ct)
    {
        var manifest = Path.Combine(samplesFolder, SampleGenerator.ManifestName);
        if (!File.Exists(manifest)) throw new FileNotFoundException($"{manifest} (the sample province; run `samples --out samples` to make it)", manifest);

        var arrivals = sources.Load(samplesFolder, log);
        var months = arrivals.Select(a => a.Month).Distinct().Order().ToArray();
        clock.Set(arrivals[0].ArrivedAt.AddDays(-20));
        var u = units.Import(Path.Combine(samplesFolder, "units.xlsx"));
        var t = tasks.Import(Path.Combine(samplesFolder, "tasks.xlsx"), year: 2025);
        log.WriteLine($"单位名录：{u.Rows} 个单位（新增 {u.Added}）；任务清单：{t.Rows} 项任务（新增 {t.Added}）。");

        var known = received.All().Select(r => r.Sha256).ToHashSet();
        int fed = 0, skipped = 0, accepted = 0, rejected = 0, delivered = 0, notices = 0, quarters = 0, mails = 0;
        // Forms that arrive after a briefing still go into the ledger, but that briefing counts them as missing.
        var issues = new Queue<DemoIssue>(schedule.For(months));
        GeneratedBriefing? notice = null;
        GeneratedQuarter? quarter = null;
        void IssueUpTo(DateTimeOffset upTo)
        {
            while (issues.TryPeek(out var issue) && issue.At <= upTo)
            {
                issues.Dequeue();
                clock.Set(issue.At);
                var at = ReportingCalendar.Chinese(issue.At);
                if (issue.Month is { } month)
                {
                    var (briefing, queued) = briefings.Monthly(month);
                    (notice, mails, notices) = (briefing, mails + queued, notices + 1);
                    log.WriteLine($"  {at} 印发 {month.ToChinese()}月通报（第{briefing.Record.IssueNo}期，{briefing.Document.PageCount} 页）");
                }
                else
                {
                    var (issued, queued) = briefings.Quarterly(issue.Quarter!.Value);
                    (quarter, mails, quarters) = (issued, mails + queued, quarters + 1);
                    log.WriteLine($"  {at} 印发 {issue.Quarter.Value.Chinese}季督办（督办事项 {issued.Figures.Items.Count} 项，督办单 {issued.Slips.Count} 份）");
                }
            }
        }
        foreach (var item in arrivals)
        {
            ct.ThrowIfCancellationRequested();
            IssueUpTo(item.ArrivedAt);
            if (known.Contains(Hashing.Sha256OfFile(item.Path))) { skipped++; continue; }
            clock.Set(item.ArrivedAt);
            File.Copy(item.Path, Path.Combine(paths.Inbox, Path.GetFileName(item.Path)), overwrite: true);
            foreach (var outcome in intake.ProcessInbox(TimeSpan.Zero, ct))
            {
                if (outcome.IsAccepted) accepted++; else rejected++;
                if (!outcome.IsAccepted)
                    log.WriteLine($"  退回 {item.Name}：{outcome.Errors.FirstOrDefault()}");
            }
            delivered += (await sender.DeliverDueAsync(ct)).Sent;
            fed++;
        }
        IssueUpTo(DateTimeOffset.MaxValue);

        var last = months[^1];
        clock.Set(new DateTimeOffset(last.Next.Year, last.Next.Month, 25, 9, 0, 0, TimeSpan.FromHours(8)));
        NextMonthForms(last.Next, samplesFolder, log);
        log.WriteLine($"月通报 {notices} 期、季督办 {quarters} 期，在 {paths.Briefings}。" +
            (notice is null ? "" : $"最后一期月通报：{notice.Path}（{notice.Document.PageCount} 页）") +
            (quarter is null ? "" : $"；季督办：{quarter.SummaryPath}，督办事项 {quarter.Figures.Items.Count} 项，督办单 {quarter.Slips.Count} 份") + "。");
        delivered += (await sender.DeliverDueAsync(ct)).Sent;
        return new DemoResult(fed, skipped, accepted, rejected, delivered, months[0], last, notices, quarters, notice?.Path, quarter?.SummaryPath, quarter?.Slips.Count ?? 0, mails);
    }

    /// <summary>
    /// The pre-filled forms of the month after the demo's last. After December they belong to next year's list,
    /// which the demo leaves for the reader to import (the README's rollover walk-through starts there).
    /// </summary>
    private void NextMonthForms(ReportMonth next, string samplesFolder, TextWriter log)
    {
        var booksOfNext = books.For(next);
        if (booksOfNext.HasList)
        {
            log.WriteLine($"已生成 {next.ToChinese()} 预填报表 {forms.Generate(next, null, null, send: false).Count} 份。");
            return;
        }
        var list = Path.Combine(samplesFolder, $"tasks-{next.Year}.xlsx");
        log.WriteLine($"{next.ToChinese()}的预填报表要按{next.Year}年度任务清单生成，上年未销号的 {booksOfNext.CarriedOver} 项任务作为上年结转列入：" +
            $"先运行 import tasks {(File.Exists(list) ? Path.GetRelativePath(Directory.GetCurrentDirectory(), list) : "清单文件")} --year {next.Year}，再运行 forms --month {next}。");
    }
}
