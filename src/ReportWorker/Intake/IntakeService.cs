using ReportWorker.Hosting;
using Dapper;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ReportWorker.Calendar;
using ReportWorker.Delivery;
using ReportWorker.Forms;
using ReportWorker.Ledger;
using ReportWorker.Registry;
using ReportWorker.Spreadsheets;
using ReportWorker.Storage;
using ReportWorker.Periods;
using ReportWorker.Telemetry;

namespace ReportWorker.Intake;

/// <summary>
/// Takes one file in: archive the original, read and check it, then record the verdict and queue
/// the answer in one transaction. Whatever the file holds, the result is a recorded verdict, never
/// an exception that stops the worker. Callers move the file away and then call <see cref="Finish"/>.
/// </summary>
public sealed class IntakeService(
    LedgerDatabase database,
    Archive archive,
    ReceivedFileStore received,
    RegistryStore registry,
    FormValidator validator,
    ReceiptComposer receipts,
    OutboxStore outbox,
    FormLayoutProvider layouts,
    ReportingCalendar calendar,
    IOptions<IntakeOptions> options,
    TimeProvider clock,
    ILogger<IntakeService> logger)
{
    public IntakeOutcome Process(IncomingFile file) => Record(Prepare(file));

    /// <summary>
    /// Everything that needs no decision from the ledger: the hash, the archived copy, the reading and checking.
    /// It writes nothing to the ledger, so the folder intake prepares the next files on other cores while
    /// <see cref="Record"/> takes them, one by one and in order, for what depends on the files before them.
    /// </summary>
    public PreparedFile Prepare(IncomingFile file)
    {
        using var activity = WorkerTelemetry.StartIntakeFile(file.Source);
        var sha = Hashing.Sha256OfFile(file.Path);
        if (received.FindUnfinished(file.Source, file.SourceRef, sha) is { } earlier)
            return new PreparedFile(file, sha, 0, "", default, null, earlier);

        var receivedAt = clock.GetUtcNow();
        var size = new FileInfo(file.Path).Length;
        var archived = archive.Keep(file.Path, sha, file.OriginalName, receivedAt);
        CrashPoints.Hit("after-archive");
        return new PreparedFile(file, sha, size, archived, receivedAt, Inspect(file, receivedAt), null);
    }

    /// <summary>Records the verdict and queues the answer in one transaction. Bytes seen before get the earlier verdict, not the new check.</summary>
    public IntakeOutcome Record(PreparedFile prepared)
    {
        var (file, sha, size, archived, receivedAt, inspected, earlier) = prepared;
        if (earlier is not null)
        {
            IntakeLog.Resumed(logger, file.OriginalName, earlier.Id);
            return new IntakeOutcome(earlier.Id, earlier.Outcome, earlier.UnitCode, earlier.Month, [], [], Resumed: true) { FileName = file.OriginalName };
        }

        var first = received.FindFirstBySha(sha);
        var check = first is not null ? Duplicate(first) : inspected!;
        var outcome = check.Accepted ? IntakeOutcome.Accepted : first is not null ? IntakeOutcome.Duplicate : IntakeOutcome.Rejected;

        var id = database.InTransaction((c, tx) =>
        {
            var rfId = ReceivedFileStore.Insert(c, tx, file, sha, size, archived, receivedAt, outcome,
                check.Errors.FirstOrDefault()?.Message, check.Unit?.Code, check.Month?.ToString());
            if (check.Accepted)
            {
                SubmissionStore.Insert(c, tx, rfId, check.Unit!.Code, check.Month!.Value, receivedAt, check.Late,
                    check.Warnings.Select(w => w.ToString()).ToArray(), check.Entries);
                var version = c.ExecuteScalar<int>("SELECT COUNT(*) FROM submissions WHERE unit_code = @u AND month = @m",
                    new { u = check.Unit.Code, m = check.Month.Value.ToString() }, tx);
                outbox.Enqueue(c, tx, receipts.Receipt(rfId, check.Unit, check, file.OriginalName, receivedAt, version));
            }
            else
            {
                outbox.Enqueue(c, tx, receipts.Rejection(rfId, check.Unit, check, file.OriginalName, receivedAt, file.Sender));
            }
            return rfId;
        });
        CrashPoints.Hit("after-record");

        if (check.Accepted) IntakeLog.Accepted(logger, file.OriginalName, check.Unit!.Code, check.Month!.Value.ToString(), check.Entries.Count, check.Warnings.Count);
        else IntakeLog.Rejected(logger, file.OriginalName, outcome, check.Errors.Count, check.Errors[0].ToString());
        WorkerTelemetry.FileTakenIn(file.Source, check.Accepted, duplicate: first is not null);
        return new IntakeOutcome(id, outcome, check.Unit?.Code, check.Month?.ToString(), check.Errors, check.Warnings, Resumed: false) { FileName = file.OriginalName };
    }

    public void Finish(long receivedFileId) => received.MarkFinished(receivedFileId);

    /// <summary>The same bytes arrived before: answer with what happened then, change nothing.</summary>
    private FormCheck Duplicate(ReceivedFile first)
    {
        var unit = first.UnitCode is null ? null : registry.FindUnit(first.UnitCode);
        var month = ReportMonth.TryParse(first.Month, out var m) ? m : (ReportMonth?)null;
        var when = calendar.ToLocal(DateTimeOffset.Parse(first.ReceivedAt, System.Globalization.CultureInfo.InvariantCulture));
        var verdict = first.Outcome == IntakeOutcome.Accepted ? "已登记" : "已退回";
        return FormCheck.Rejected(new("", 0, "",
            $"此文件与 {ReportingCalendar.Chinese(when)} 收到的“{first.OriginalName}”完全相同，当时{verdict}，本次不再重复处理。",
            first.Outcome == IntakeOutcome.Accepted ? "无需重复报送；如需更正，请修改表格内容后再发送。" : "请按当时退回邮件的提示修改表格内容后再发送。"), unit, month);
    }

    private FormCheck Inspect(IncomingFile file, DateTimeOffset receivedAt)
    {
        try
        {
            var limits = new ReadLimits(options.Value.MaxFileBytes, options.Value.MaxUncompressedBytes, options.Value.MaxZipEntries);
            var workbook = SpreadsheetFile.Read(file.Path, limits);
            var form = ReturnedFormReader.Read(workbook, layouts.Current);
            return validator.Check(form, file.Sender, receivedAt);
        }
        catch (SpreadsheetFormatException ex)
        {
            return FormCheck.Rejected(new("", 0, "", ex.Reason, ex.HowToFix));
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // A file no reader expected must still get an answer, and the next file must still be read.
            IntakeLog.Unreadable(logger, ex, file.OriginalName);
            return FormCheck.Rejected(new("", 0, "", "文件无法读取（格式异常）。", "请用 Excel/WPS 打开下发的填报表，填写后“另存为”.xlsx 再发送。"));
        }
    }
}
