using ReportWorker.Hosting;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ReportWorker.Intake;
using ReportWorker.Telemetry;

namespace ReportWorker.Delivery;

/// <summary>
/// Delivers what is due in the outbox over one connection per run, each message once. A message is
/// marked sending (committed) right before its SMTP transaction and sent right after the server's 250;
/// one found sending whose worker is gone was cut off, and the delivery journal says whether the server
/// took it. Transient failures wait with growing pauses; permanent ones are recorded and never retried;
/// the operators get one alert about whatever is stuck or failed.
/// </summary>
public sealed class OutboxSender(OutboxStore outbox, IMailTransport transport, IDeliveryJournal journal, OperatorAlerts alerts, SendRateLimiter rate,
    SenderIdentity identity, IOptions<MailOptions> options, TimeProvider clock, ILogger<OutboxSender> logger)
{
    private readonly SemaphoreSlim _oneRunAtATime = new(1, 1);

    public async Task<DeliveryResult> DeliverDueAsync(CancellationToken ct)
    {
        // Runs of one sender never overlap, which is what lets it take its own leftover 'sending' rows as cut off.
        await _oneRunAtATime.WaitAsync(ct);
        try
        {
            await using var session = transport.OpenSession();
            var run = new Run(session, ct);
            foreach (var message in outbox.Sending(withMime: false)) await RecoverAsync(run, message);
            foreach (var message in outbox.Due(withMime: false)) await SendAsync(run, message);
            // The alert rides on this run's connection when the server is up; otherwise it waits like any message.
            if (alerts.QueueIfNeeded() > 0 && run.Down is null)
                foreach (var message in outbox.Due(withMime: false).Where(m => m.Kind == MessageKinds.Alert)) await SendAsync(run, message);
            WorkerTelemetry.MessagesDelivered(run.Sent, run.Retried, run.Failed);
            return new DeliveryResult(run.Sent, run.Retried, run.Failed) { Unconfirmed = run.Unconfirmed };
        }
        finally { _oneRunAtATime.Release(); }
    }

    private async Task RecoverAsync(Run run, QueuedMessage message)
    {
        var stale = TimeSpan.FromMinutes(options.Value.SendingStaleMinutes);
        if (!identity.IsAbandoned(message.ClaimedBy, message.SendingSinceTime, clock.GetUtcNow(), stale)) return; // another worker is sending it now
        if (!outbox.TryTakeOver(message.Id, message.ClaimedBy, identity.Claim)) return;
        var (recipients, transactionNo) = outbox.InFlight(message.Id);
        if (!transport.ResendIsHarmless)
        {
            int? copies;
            try { copies = await journal.CountArrivedAsync(message.MessageId, (int)transactionNo, run.Ct); }
            catch (Exception ex) when (ex is IOException or SocketException or TimeoutException or MailKit.ProtocolException or MailKit.CommandException
                                           or MailKit.Security.AuthenticationException or MailKit.ServiceNotConnectedException)
            {
                // Neither resend nor mark sent without an answer: it stays 'sending' under our claim and is asked about again next run.
                DeliveryLog.JournalUnavailable(logger, message.Id, message.MessageId, ex.Message);
                outbox.CountAttempt(message.Id, $"delivery journal (mailbox) unavailable: {ex.Message}");
                return;
            }
            // One journal copy per transaction the relay took: as many copies as this transaction's number means it went.
            switch (copies)
            {
                case { } n when n >= transactionNo:
                    outbox.RecordTransaction(message.Id, transactionNo, transacted: true, "confirmed by the delivery journal", new RecipientResults(recipients, [], []), Lifetime);
                    DeliveryLog.CutOffConfirmed(logger, message.Id, message.MessageId);
                    run.Sent++;
                    return;
                case not null:
                    DeliveryLog.CutOffResending(logger, message.Id, message.MessageId);
                    break;
                case null:
                    // SMTP cannot say whether the 250 was sent before the crash. Receivers can de-duplicate on the unchanged Message-Id.
                    DeliveryLog.PossibleDuplicate(logger, message.Id, message.MessageId, string.Join(", ", recipients));
                    run.Unconfirmed++;
                    break;
            }
        }
        await SendAsync(run, message, (recipients, transactionNo));
    }

    private TimeSpan Lifetime => TimeSpan.FromHours(options.Value.RecipientLifetimeHours);

    /// <summary>
    /// One SMTP transaction for the message's recipients still due (claimed here, or those a cut-off transaction
    /// carried when <paramref name="inFlight"/> is given). What the relay says of each recipient is recorded apart.
    /// </summary>
    private async Task SendAsync(Run run, QueuedMessage message, (IReadOnlyList<string> Recipients, long TransactionNo)? inFlight = null)
    {
        if (run.Down is not null)
        {
            Postpone(run, message, run.Down.Message, serverDown: true);
            return;
        }
        using var activity = WorkerTelemetry.StartSend(message.Kind, message.Id);
        await rate.WaitTurnAsync(run.Ct);
        try { await run.Session.EnsureConnectedAsync(run.Ct); }
        catch (MailServerUnavailableException ex)
        {
            // No alert can be mailed while the relay is down: the first failure of an outage is an error in the log,
            // and `jobs`, `status` and `outbox` lead with it until a connection succeeds.
            if (outbox.RecordRelayDown(ex.Message)) DeliveryLog.RelayDown(logger, outbox.Due(withMime: false).Count, ex.Message);
            else DeliveryLog.ServerUnavailable(logger, outbox.Due(withMime: false).Count, ex.Message);
            run.Down = ex;
            Postpone(run, message, ex.Message, serverDown: true);
            return;
        }
        if (!run.Connected)
        {
            run.Connected = true;
            if (outbox.RecordRelayUp() is { } since) DeliveryLog.RelayBack(logger, since);
        }
        IReadOnlyList<string> recipients;
        long transactionNo;
        if (inFlight is { } known) (recipients, transactionNo) = known;
        else
        {
            if (outbox.ClaimRecipients(message.Id, identity.Claim) is not { } claimed) return; // another worker took it
            if (claimed.Addresses.Count == 0) return; // its next recipient is not due yet
            (recipients, transactionNo) = claimed;
        }
        CrashPoints.Hit("delivery-before-send");
        Handover handover;
        try { handover = await run.Session.SendAsync(message with { Mime = outbox.MimeOf(message.Id) }, recipients, run.Ct); }
        catch (PermanentDeliveryException ex)
        {
            outbox.MarkFailed(message.Id, identity.Claim, ex.Message);
            DeliveryLog.Failed(logger, message.Id, message.Recipients, ex.Message);
            run.Failed++;
            return;
        }
        catch (TransientDeliveryException ex)
        {
            Postpone(run, message, ex.Message);
            return;
        }
        catch (Exception ex) when (!run.Ct.IsCancellationRequested)
        {
            // Something no one foresaw (a bug, a damaged stored message): not left 'sending' to be retried every run
            // unseen, but counted like a transient failure, so MaxAttempts ends it and the operators hear of it.
            Postpone(run, message, $"{ex.GetType().Name}: {ex.Message}");
            return;
        }
        CrashPoints.Hit("delivery-after-send");
        var state = outbox.RecordTransaction(message.Id, transactionNo, handover.Transacted, handover.Where, handover.Results, Lifetime);
        if (state == OutboxState.Failed)
        {
            DeliveryLog.Failed(logger, message.Id, message.Recipients, string.Join("; ", handover.Refused));
            run.Failed++;
        }
        if (handover.Accepted.Count > 0) DeliveryLog.Delivered(logger, message.Id, message.Kind, string.Join(", ", handover.Accepted), handover.Where);
        if (handover.Refused.Count > 0) DeliveryLog.RecipientsRefused(logger, message.Id, string.Join("; ", handover.Refused));
        foreach (var d in handover.Deferred) DeliveryLog.RecipientDeferred(logger, message.Id, d.Address, d.Reply);
        if (handover.Accepted.Count > 0) run.Sent++;
        if (handover.Deferred.Count > 0) run.Retried++;
    }

    /// <summary>
    /// Counts a failed attempt: wait 1, 2, 4 … minutes (at most an hour), or give up after MaxAttempts.
    /// A relay that cannot be reached says nothing about the message: it waits however long the outage
    /// lasts and is never given up for it (the attempts still count towards the operators' alert).
    /// </summary>
    private void Postpone(Run run, QueuedMessage message, string error, bool serverDown = false)
    {
        if (!serverDown && message.Attempts + 1 >= options.Value.MaxAttempts)
        {
            outbox.MarkFailed(message.Id, identity.Claim, error);
            DeliveryLog.Failed(logger, message.Id, message.Recipients, error);
            run.Failed++;
            return;
        }
        var delay = TimeSpan.FromMinutes(Math.Min(60, Math.Pow(2, message.Attempts)));
        outbox.MarkRetry(message.Id, identity.Claim, error, clock.GetUtcNow() + delay);
        DeliveryLog.WillRetry(logger, message.Id, error, delay);
        run.Retried++;
    }

    private sealed class Run(IMailSession session, CancellationToken ct)
    {
        public IMailSession Session => session;
        public CancellationToken Ct => ct;
        /// <summary>Set once connecting has failed for good in this run: the remaining messages wait without trying.</summary>
        public MailServerUnavailableException? Down { get; set; }
        /// <summary>A connection succeeded in this run (the relay's status is recorded once a run).</summary>
        public bool Connected { get; set; }
        public int Sent { get; set; }
        public int Retried { get; set; }
        public int Failed { get; set; }
        public int Unconfirmed { get; set; }
    }
}

/// <summary>What one run did. <see cref="Unconfirmed"/>: messages cut off earlier and sent again without a journal to check (possible duplicates).</summary>
public sealed record DeliveryResult(int Sent, int Retried, int Failed)
{
    public int Unconfirmed { get; init; }
}
