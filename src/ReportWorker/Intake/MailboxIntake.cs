using System.Globalization;
using ReportWorker.Hosting;
using MailKit;
using MailKit.Net.Imap;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;
using ReportWorker.Delivery;
using ReportWorker.Ledger;
using ReportWorker.Registry;
using ReportWorker.Storage;

namespace ReportWorker.Intake;

/// <summary>
/// Reads the mailbox: for each message, archive the raw bytes and record it → take each attached file
/// through <see cref="IntakeService"/> (or queue one answer when there is none) → mark it processed →
/// move it to the processed or rejected folder → finish. A crash between any two steps leaves the
/// message where the next run either resumes it (each file is found unfinished and not taken twice)
/// or, once marked processed, only moves it. A reply to a draft 考核反馈单 (<see cref="ObjectionReplies"/>)
/// is recorded as an objection and forwarded to the office in the same transaction that marks it processed;
/// so is each failed recipient of a delivery report handed to Delivery (<see cref="MailboxBounces"/>). A form
/// whose sender the receiving server did not vouch for is not taken in under SenderPolicy Require (<see cref="SenderCheck"/>).
/// </summary>
public sealed class MailboxIntake(
    IOptions<MailboxOptions> options,
    IOptions<MailOptions> mail,
    DataPaths paths,
    Archive archive,
    MailboxStore store,
    IntakeService intake,
    ReceivedFileStore received,
    RegistryStore registry,
    ReceiptComposer receipts,
    ObjectionReplies objections,
    SenderCheck senders,
    MailboxBounces bounces,
    OutboxStore outbox,
    LedgerDatabase database,
    LedgerLocks locks,
    TimeProvider clock,
    ILogger<MailboxIntake> logger)
{
    public bool Enabled => options.Value.Enabled;

    /// <summary>Takes what is waiting. Throws when the server cannot be reached (see <see cref="IsTransient"/>).</summary>
    public async Task<IReadOnlyList<MailboxOutcome>> ProcessAsync(CancellationToken ct)
    {
        var o = options.Value;
        if (!o.Enabled) return [];
        var lockFile = locks.TryAcquire("mailbox");
        if (lockFile is null) { MailboxLog.Busy(logger, locks.Describe("mailbox")); return []; }

        using (lockFile)
        using (var client = await MailboxConnection.OpenAsync(o, ct))
        {
            var source = await MailboxConnection.FindAsync(client, o.Folder, ct)
                ?? throw new FolderNotFoundException(o.Folder);
            await source.OpenAsync(FolderAccess.ReadWrite, ct);
            // A message someone deleted in a mail client (flagged, not yet expunged) is not for us.
            var uids = (await source.SearchAsync(MailKit.Search.SearchQuery.NotDeleted, ct)).OrderBy(u => u.Id).ToArray();
            var outcomes = new List<MailboxOutcome>();
            foreach (var uid in uids.Take(o.MaxMessagesPerRun))
            {
                ct.ThrowIfCancellationRequested();
                try
                {
                    outcomes.Add(await TakeAsync(client, source, uid, ct));
                }
                catch (Exception ex) when (client.IsConnected && ex is IOException or UnauthorizedAccessException or ImapCommandException)
                {
                    // This message could not be taken in (a disk error, the server refused one command): leave it for the next run.
                    MailboxLog.MessageFailed(logger, ex, uid.Id, o.Folder);
                }
            }
            await ReconcileAsync(source, uids, ct);
            await client.DisconnectAsync(quit: true, ct);
            return outcomes;
        }
    }

    /// <summary>The server or the network failed, not one message: the run stops and the next one tries again.</summary>
    public static bool IsTransient(Exception ex) => MailboxConnection.IsTransient(ex);

    private async Task<MailboxOutcome> TakeAsync(ImapClient client, IMailFolder source, UniqueId uid, CancellationToken ct)
    {
        var o = options.Value;
        byte[] raw;
        await using (var stream = await source.GetStreamAsync(uid, ct))
        using (var buffer = new MemoryStream())
        {
            await stream.CopyToAsync(buffer, ct);
            raw = buffer.ToArray();
        }
        var sha = Hashing.Sha256(raw);
        var message = MailParts.Parse(raw);
        var messageId = message.MessageId is { Length: > 0 } id ? id : $"{sha[..32]}.no-message-id";
        var sender = MailParts.SenderAddress(message);
        var subject = message.Subject ?? "";

        if (MailParts.IsOwnCopy(message, mail.Value.FromAddress))
        {
            await MoveAsync(client, source, uid, o.JournalFolder, ct);
            return new MailboxOutcome(messageId, sender, subject, MailboxOutcome.Journal, o.JournalFolder, []);
        }

        var record = store.Find(messageId, sha);
        if (record is { Status: MailboxRecord.Processed or MailboxRecord.Done, Destination: { } destination })
        {
            // Its answers are queued already: it only has to leave the folder.
            MailboxLog.AlreadyTaken(logger, messageId, destination);
            store.Relocate(record.Id, o.Folder, source.UidValidity, uid.Id);
            await MoveAsync(client, source, uid, destination, ct);
            var resumed = Unfinished(messageId);
            Finish(record.Id, resumed);
            return new MailboxOutcome(messageId, sender, subject, MailboxOutcome.AlreadyTaken, destination, resumed.Select(AsOutcome).ToArray());
        }

        // A message taken up again after an interruption keeps the time it first arrived: an objection's deadline is judged by it.
        var receivedAt = record is null ? clock.GetUtcNow() : DateTimeOffset.Parse(record.ReceivedAt, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
        long recordId;
        if (record is null)
        {
            var archived = archive.KeepMail(raw, sha, receivedAt);
            recordId = store.Insert(messageId, sha, o.Folder, source.UidValidity, uid.Id, sender, subject, MailboxOutcome.Taken, archived, receivedAt);
        }
        else
        {
            recordId = record.Id;
            store.Relocate(recordId, o.Folder, source.UidValidity, uid.Id);
        }
        CrashPoints.Hit("mailbox-after-archive");

        var (disposition, files, answer, objection, report) = Decide(recordId, message, messageId, sender, subject, receivedAt);
        // An objection is handled (recorded and forwarded), so it is filed as processed even without a form.
        var target = files.Any(f => f.IsAccepted) || objection is not null ? o.ProcessedFolder : o.RejectedFolder;
        var (objectionId, bounced) = database.InTransaction((c, tx) =>
        {
            if (answer is not null) outbox.Enqueue(c, tx, answer);
            // Keyed by the Message-Id, not this record: the same message delivered again with other bytes is one objection.
            var id = objection is null ? null : objections.Record(c, tx, objection, $"mailbox:{messageId}", receivedAt, raw);
            // With the report marked processed, or not at all: a report taken up again after a crash is recorded then.
            IReadOnlyList<(ReportedRecipient, BounceOutcome)> recorded = report is null ? [] : bounces.Record(c, tx, report, receivedAt);
            if (report is not null)
                (disposition, target) = MailboxBounces.AboutOurs(recorded) ? (MailboxOutcome.Bounce, o.ProcessedFolder) : (MailboxOutcome.NotAnswered, o.RejectedFolder);
            MailboxStore.MarkProcessed(c, tx, recordId, disposition, target, files.Count, files.Count(f => f.IsAccepted));
            return (id, recorded);
        });
        if (objection is not null) LogObjection(messageId, objection, objectionId);
        if (report is not null) bounces.Log(messageId, report, bounced);
        CrashPoints.Hit("mailbox-before-move");

        await MoveAsync(client, source, uid, target, ct);
        CrashPoints.Hit("mailbox-after-move");
        Finish(recordId, Unfinished(messageId));
        MailboxLog.Taken(logger, messageId, sender ?? "-", disposition, files.Count, target);
        return new MailboxOutcome(messageId, sender, subject, disposition, target, files, objectionId);
    }

    /// <summary>
    /// Runs the message's files through intake, or decides it gets no intake at all; says whether it is an objection
    /// to the draft assessment. An objection's spreadsheets are still taken in as forms; its other files are evidence.
    /// </summary>
    private (string Disposition, IReadOnlyList<IntakeOutcome> Files, OutgoingMessage? Answer, ObjectionReply? Objection, DeliveryReport? Report) Decide(
        long recordId, MimeMessage message, string messageId, string? sender, string subject, DateTimeOffset receivedAt)
    {
        // Automatic mail first: an out-of-office reply to a 反馈单 is not an objection. A bounce is automatic mail that Delivery needs to hear of.
        if (MailParts.AutomaticReason(message, mail.Value.FromAddress) is { } why)
        {
            if (bounces.Recognise(message, messageId) is { } report)
            {
                // Which folder it goes to depends on whether the message it is about is ours: Delivery says so in the transaction.
                if (report.MessageId is not null) return (MailboxOutcome.Bounce, [], null, null, report);
                bounces.Log(messageId, report, []);
                return (MailboxOutcome.NotAnswered, [], null, null, null);
            }
            MailboxLog.Automatic(logger, messageId, sender ?? "-", why);
            return (MailboxOutcome.Automatic, [], null, null, null);
        }
        if (sender is null)
        {
            // Without a From address the liaison check cannot be made and nobody can be answered.
            MailboxLog.NoSender(logger, messageId);
            return (MailboxOutcome.NoSender, [], null, null, null);
        }
        var contents = MailParts.Contents(message);
        var unit = registry.Units().FirstOrDefault(u => u.Liaisons.Any(l => string.Equals(l.Email, sender, StringComparison.OrdinalIgnoreCase)));
        var objection = objections.Recognise(message, sender, unit, subject, contents, receivedAt);
        var forms = objection is null ? contents.Files : contents.Files.Where(f => ObjectionReplies.IsSpreadsheet(f.Name)).ToArray();
        if ((forms.Count > 0 || objection is not null) && senders.Refusal(message, messageId, sender) is { } verdict)
        {
            // Nothing is taken in. The unit hears of it at the addresses it registered; a stranger's unverified mail is not answered at all.
            if (unit is null) MailboxLog.SenderUnverifiedNotAnswered(logger, messageId, sender);
            var notice = unit is null ? null : receipts.SenderUnverified(recordId, unit, sender, subject, receivedAt, verdict, options.Value.AuthServId,
                contents.Files.Select(f => f.Name).ToArray(), objection is not null);
            return (MailboxOutcome.SenderUnverified, [], notice, null, null);
        }
        if (forms.Count == 0)
        {
            if (objection is not null) return (MailboxOutcome.Objection, [], null, objection, null);
            // Only a liaison can have meant to send a form. A reply such as "收到" to a notice, a receipt or a 督办单
            // needs no answer; a reply to a form or a reminder without the file most likely forgot the attachment.
            var repliesTo = RepliedKind(message);
            if (unit is null || (repliesTo is not null && !MessageKinds.AsksForForm(repliesTo)))
            {
                MailboxLog.NotAnswered(logger, messageId, sender, unit is null ? "not a registered liaison" : $"a reply to a {repliesTo}");
                return (MailboxOutcome.NotAnswered, [], null, null, null);
            }
            return (MailboxOutcome.NoAttachment, [], receipts.NoAttachment(recordId, unit, sender, subject, receivedAt, contents), null, null);
        }

        var outcomes = new List<IntakeOutcome>();
        var seen = new HashSet<string>();
        var temp = Directory.CreateDirectory(Path.Combine(paths.Root, "tmp", "mailbox")).FullName;
        foreach (var file in forms)
        {
            // Our own name for the bytes: the attachment's name is the sender's text, never a path.
            var path = Path.Combine(temp, $"{recordId:D6}-{file.Index}.part");
            try
            {
                AtomicFile.Write(path, s => file.Part.Content?.DecodeTo(s));
                // The same file attached twice in one message is one submission, answered once.
                if (!seen.Add(Hashing.Sha256OfFile(path))) continue;
                outcomes.Add(intake.Process(new IncomingFile(path, file.Name, IncomingFile.Mailbox, $"{messageId}/{file.Index}", sender)));
            }
            finally
            {
                File.Delete(path);
            }
        }
        return (MailboxOutcome.Taken, outcomes, null, objection, null);
    }

    private void LogObjection(string messageId, ObjectionReply objection, long? id)
    {
        var how = objection.ByHeaders ? "a reply to the draft slip" : "recognised by its subject";
        if (id is { } recorded) MailboxLog.ObjectionRecorded(logger, messageId, objection.Sender, objection.Window.Year, objection.UnitCode, how, recorded);
        else MailboxLog.ObjectionSeenBefore(logger, messageId, objection.Sender, objection.Window.Year, objection.UnitCode);
    }

    /// <summary>The kind of our own message this one answers (In-Reply-To, else the last of References), if any.</summary>
    private string? RepliedKind(MimeMessage message)
    {
        var ids = new List<string>();
        if (message.InReplyTo is { Length: > 0 } inReplyTo) ids.Add(inReplyTo);
        ids.AddRange(message.References.Reverse());
        return ids.Select(outbox.KindOf).FirstOrDefault(kind => kind is not null);
    }

    private static async Task MoveAsync(ImapClient client, IMailFolder source, UniqueId uid, string folder, CancellationToken ct)
    {
        var destination = await MailboxConnection.FindOrCreateAsync(client, folder, ct);
        await source.MoveToAsync(uid, destination, ct);
    }

    /// <summary>A crash after the move but before "done": the message has left the folder, so its files are finished.</summary>
    private async Task ReconcileAsync(IMailFolder source, IReadOnlyList<UniqueId> present, CancellationToken ct)
    {
        var uids = present.Select(u => (long)u.Id).ToHashSet();
        foreach (var record in store.AwaitingMove(options.Value.Folder))
        {
            var gone = record.UidValidity == source.UidValidity
                ? !uids.Contains(record.Uid)
                : (await source.SearchAsync(MailKit.Search.SearchQuery.HeaderContains("Message-ID", record.MessageId), ct)).Count == 0;
            if (!gone) continue;
            Finish(record.Id, Unfinished(record.MessageId));
            MailboxLog.Reconciled(logger, record.MessageId, record.Destination ?? "-");
        }
    }

    private void Finish(long recordId, IReadOnlyList<ReceivedFile> files)
    {
        foreach (var file in files) intake.Finish(file.Id);
        store.MarkDone(recordId);
    }

    /// <summary>This message's files that were recorded but not yet finished.</summary>
    private IReadOnlyList<ReceivedFile> Unfinished(string messageId) =>
        received.Unfinished(IncomingFile.Mailbox)
            .Where(r => r.SourceRef.Length > messageId.Length + 1 && r.SourceRef.StartsWith(messageId + "/", StringComparison.Ordinal)
                        && int.TryParse(r.SourceRef.AsSpan(messageId.Length + 1), out _))
            .ToArray();

    private static IntakeOutcome AsOutcome(ReceivedFile r) => new(r.Id, r.Outcome, r.UnitCode, r.Month, [], [], Resumed: true);
}
