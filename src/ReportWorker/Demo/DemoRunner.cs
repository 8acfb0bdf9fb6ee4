using ReportWorker.Assessment;
using ReportWorker.Briefings;
using ReportWorker.Scheduling;
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
    int Notices, int Quarters, int BriefingMails, IssuedAssessment? Assessment = null);

/// <summary>
/// Imports the sample province, feeds each sample form through the inbox at its arrival time, issues each
/// 月通报 and 季督办 when the schedule would, and delivers the answers to the pickup folder. Idempotent: a
/// form already received is not fed again, and a briefing issued again is the same version, queued once.
/// </summary>
public sealed class DemoRunner(
    UnitImporter units, TaskImporter tasks, FolderIntake intake, ReceivedFileStore received, OutboxSender sender,
    FormService forms, TaskBooks books, DataPaths paths, DemoClock clock, DemoArrivals sources, DemoSchedule schedule,
    BriefingPublisher briefings, AssessmentPublisher assessment, OfficeEntries office, SchedulePlanner planner, RegistryStore registry)
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
        // When each 月通报 went out: a form for that month arriving later is in the ledger but not in that notice, and the
        // demo says so, or its ledger (status) and its notice would disagree with no explanation.
        var noticeIssued = new Dictionary<string, DateTimeOffset>();
        var afterNotice = new Dictionary<string, List<string>>();
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
                    noticeIssued[month.ToString()] = issue.At;
                    log.WriteLine($"  {at} 印发 {month.ToChinese()}月通报（第{briefing.Record.IssueNo}期，{briefing.Document.PageCount} 页，报送情况截至印发时）");
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
                else if (outcome.Month is { } formMonth && noticeIssued.TryGetValue(formMonth, out var issuedAt))
                {
                    var unit = outcome.UnitCode is { } code ? registry.FindUnit(code)?.ShortName ?? code : "?";
                    (afterNotice.TryGetValue(formMonth, out var units) ? units : afterNotice[formMonth] = []).Add(unit);
                    log.WriteLine($"  {ReportingCalendar.Chinese(item.ArrivedAt)} 收到{unit} {ReportMonth.Parse(formMonth).ToChinese()}报表，晚于该月通报（{ReportingCalendar.Chinese(issuedAt)}）：记入台账，通报中仍为未报");
                }
            }
            delivered += (await sender.DeliverDueAsync(ct)).Sent;
            fed++;
        }
        IssueUpTo(DateTimeOffset.MaxValue);

        var last = months[^1];
        // A whole year in: its 年考核, draft in January, final after the objection period, when the jobs would run them;
        // the next month's forms (the 25th) come between the two.
        void NextForms()
        {
            clock.Set(new DateTimeOffset(last.Next.Year, last.Next.Month, 25, 9, 0, 0, TimeSpan.FromHours(8)));
            NextMonthForms(last.Next, samplesFolder, log);
        }
        IssuedAssessment? final = null;
        if (last.Month == 12)
        {
            var (issued, sent) = await Assessment(last.Year, samplesFolder, log, NextForms, ct);
            (final, delivered) = (issued, delivered + sent);
        }
        else NextForms();
        if (afterNotice.Count > 0)
        {
            var lastLate = afterNotice.GetValueOrDefault(last.ToString());
            log.WriteLine($"有 {afterNotice.Values.Sum(u => u.Count)} 份报表在其月份的月通报印发之后才到：台账（status）登记了它们，各期通报则按印发时的情况统计，所以两者的报送数字不同" +
                (lastLate is null ? "。" : $"。下面{last.ToChinese()}的台账就多了 {lastLate.Count} 份（{string.Join("、", lastLate)}），它们在第{notice?.Record.IssueNo}期月通报中为未报。"));
        }
        log.WriteLine($"月通报 {notices} 期、季督办 {quarters} 期，在 {paths.Briefings}。" +
            (notice is null ? "" : $"最后一期月通报：{notice.Path}（{notice.Document.PageCount} 页）") +
            (quarter is null ? "" : $"；季督办：{quarter.SummaryPath}，督办事项 {quarter.Figures.Items.Count} 项，督办单 {quarter.Slips.Count} 份") + "。");
        delivered += (await sender.DeliverDueAsync(ct)).Sent;
        return new DemoResult(fed, skipped, accepted, rejected, delivered, months[0], last, notices, quarters, mails, final);
    }

    /// <summary>
    /// The office's entries (from the samples, as imported on 10 January), the draft 反馈单 when assessment-draft
    /// runs, <paramref name="before"/> what happens between (the next month's forms), then the 通报 and the final
    /// 反馈单 when assessment-final runs, no earlier than the end of the objection period.
    /// </summary>
    private async Task<(IssuedAssessment Final, int Delivered)> Assessment(int year, string samplesFolder, TextWriter log, Action before, CancellationToken ct)
    {
        var entries = Path.Combine(samplesFolder, SampleGenerator.AssessmentEntriesName);
        clock.Set(new DateTimeOffset(year + 1, 1, 10, 10, 0, 0, TimeSpan.FromHours(8)));
        if (File.Exists(entries) && office.Current(year).Count == 0)
            log.WriteLine($"工委办公室加减分：{office.Import(entries, year).Rows} 条（{SampleGenerator.AssessmentEntriesName}）。");

        clock.Set(FirstRun("assessment-draft", year));
        var (draft, queued) = assessment.Draft(year);
        log.WriteLine($"  {ReportingCalendar.Chinese(clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8)))} 发出{year}年度考核反馈单（初步结果）{draft.Slips.Count} 份，异议期限 {ReportingCalendar.Chinese(draft.ObjectBy)}；新排队 {queued} 封");
        var delivered = (await sender.DeliverDueAsync(ct)).Sent;
        before();

        var objectionsEnd = new DateTimeOffset(draft.ObjectBy.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(8));
        var at = FirstRun("assessment-final", year);
        clock.Set(at >= objectionsEnd ? at : planner.RunAtOrAfter("assessment-final", at, objectionsEnd));
        var (final, queuedFinal) = assessment.Final(year);
        log.WriteLine($"  {ReportingCalendar.Chinese(clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8)))} 印发{year}年度考核结果通报（琼直工委考〔{year + 1}〕{final.Record.IssueNo}号，{final.Notice!.PageCount} 页）和最终反馈单 {final.Slips.Count} 份；" +
            string.Join("，", final.Result.Scheme.Grades.Select(g => $"{g.Name} {final.Result.CountOf(g.Name)} 个")) + $"；新排队 {queuedFinal} 封");
        delivered += (await sender.DeliverDueAsync(ct)).Sent;
        return (final, delivered);
    }

    // When the job's schedule first runs in the year after the one assessed.
    private DateTimeOffset FirstRun(string job, int year)
    {
        var start = new DateTimeOffset(year + 1, 1, 1, 0, 0, 0, TimeSpan.FromHours(8));
        return planner.NextRun(job, start)?.RunAt ?? throw new InvalidOperationException($"Job {job} has no run after {start:yyyy-MM-dd}.");
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
