using System.Globalization;
using ReportWorker.Delivery;
using ReportWorker.Forms;
using ReportWorker.Intake;
using ReportWorker.Ledger;
using ReportWorker.Registry;
using ReportWorker.Samples;
using ReportWorker.Storage;
using ReportWorker.Periods;

namespace ReportWorker.Demo;

public sealed record DemoResult(int Fed, int Skipped, int Accepted, int Rejected, int Delivered, ReportMonth LastMonth, string MonthlyPath, string QuarterlyPath, int Slips, int BriefingMails);

/// <summary>
/// Imports the sample province, feeds each sample form through the inbox at its arrival time, and
/// delivers the answers to the pickup folder. Idempotent: a form already received is not fed again.
/// </summary>
public sealed class DemoRunner(
    UnitImporter units, TaskImporter tasks, FolderIntake intake, ReceivedFileStore received, OutboxSender sender,
    FormService forms, DataPaths paths, DemoClock clock,
    Briefings.BriefingPublisher briefings)
{
    public async Task<DemoResult> RunAsync(string samplesFolder, TextWriter log, CancellationToken ct)
    {
        var manifest = Path.Combine(samplesFolder, SampleGenerator.ManifestName);
        if (!File.Exists(manifest)) throw new FileNotFoundException($"{manifest} (the sample province; run `samples --out samples` to make it)", manifest);

        var first = ReadManifest(manifest).First();
        clock.Set(first.ArrivedAt.AddDays(-20));
        var u = units.Import(Path.Combine(samplesFolder, "units.xlsx"));
        var t = tasks.Import(Path.Combine(samplesFolder, "tasks.xlsx"), year: 2025);
        log.WriteLine($"单位名录：{u.Rows} 个单位（新增 {u.Added}）；任务清单：{t.Rows} 项任务（新增 {t.Added}）。");

        var known = received.All().Select(r => r.Sha256).ToHashSet();
        int fed = 0, skipped = 0, accepted = 0, rejected = 0, delivered = 0;
        var last = SampleGenerator.CommittedMonths[^1];
        // The rhythm: the 月通报 on the 8th of the next month, the 季督办 on the 10th after a quarter ends.
        // Forms that arrive later still go into the ledger, but these briefings count them as missing.
        var noticeAt = new DateTimeOffset(last.Next.Year, last.Next.Month, 8, 9, 0, 0, TimeSpan.FromHours(8));
        var quarterAt = new DateTimeOffset(last.Next.Year, last.Next.Month, 10, 9, 0, 0, TimeSpan.FromHours(8));
        Briefings.GeneratedBriefing? notice = null;
        Briefings.GeneratedQuarter? quarter = null;
        var mails = 0;
        void Brief(DateTimeOffset upTo)
        {
            if (notice is null && upTo >= noticeAt) { clock.Set(noticeAt); var issued = briefings.Monthly(last); notice = issued.Briefing; mails += issued.Queued; }
            if (quarter is null && upTo >= quarterAt) { clock.Set(quarterAt); var issued = briefings.Quarterly(Quarter.Of(last)); quarter = issued.Quarter; mails += issued.Queued; }
        }
        foreach (var item in ReadManifest(manifest).OrderBy(i => i.ArrivedAt))
        {
            ct.ThrowIfCancellationRequested();
            Brief(item.ArrivedAt);
            var source = Path.Combine(samplesFolder, "forms", item.File);
            if (known.Contains(Hashing.Sha256OfFile(source))) { skipped++; continue; }
            clock.Set(item.ArrivedAt);
            File.Copy(source, Path.Combine(paths.Inbox, Path.GetFileName(item.File)), overwrite: true);
            foreach (var outcome in intake.ProcessInbox(TimeSpan.Zero, ct))
            {
                if (outcome.IsAccepted) accepted++; else rejected++;
                if (!outcome.IsAccepted)
                    log.WriteLine($"  退回 {item.File}：{outcome.Errors.FirstOrDefault()}");
            }
            delivered += (await sender.DeliverDueAsync(ct)).Sent;
            fed++;
        }
        Brief(DateTimeOffset.MaxValue);
        clock.Set(new DateTimeOffset(last.Next.Year, last.Next.Month, 25, 9, 0, 0, TimeSpan.FromHours(8)));
        var next = forms.Generate(last.Next, null, null, send: false);
        log.WriteLine($"已生成 {last.Next.ToChinese()} 预填报表 {next.Count} 份。");

        log.WriteLine($"月通报：{notice!.Path}（{notice.Document.PageCount} 页）；季督办：{quarter!.SummaryPath}，督办事项 {quarter.Figures.Items.Count} 项，督办单 {quarter.Slips.Count} 份。");
        delivered += (await sender.DeliverDueAsync(ct)).Sent;
        return new DemoResult(fed, skipped, accepted, rejected, delivered, last, notice.Path, quarter.SummaryPath, quarter.Slips.Count, mails);
    }

    private static IEnumerable<(string File, DateTimeOffset ArrivedAt)> ReadManifest(string path) =>
        File.ReadLines(path).Skip(1).Where(l => l.Length > 0).Select(l => l.Split(','))
            .Select(p => (p[1], DateTimeOffset.Parse(p[2], CultureInfo.InvariantCulture)));
}
