using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ReportWorker.Delivery;

/// <summary>Delivers what is due in the outbox, once each, with backoff for transient failures.</summary>
public sealed class OutboxSender(OutboxStore outbox, IMailTransport transport, IOptions<MailOptions> options, TimeProvider clock, ILogger<OutboxSender> logger)
{
    public async Task<DeliveryResult> DeliverDueAsync(CancellationToken ct)
    {
        int sent = 0, retried = 0, failed = 0;
        foreach (var message in outbox.Due())
        {
            ct.ThrowIfCancellationRequested();
            try
            {
                var where = await transport.DeliverAsync(message, ct);
                Intake.CrashPoints.Hit("after-deliver");
                outbox.MarkSent(message.Id, where);
                DeliveryLog.Delivered(logger, message.Id, message.Kind, message.Recipients, where);
                sent++;
            }
            catch (PermanentDeliveryException ex)
            {
                outbox.MarkFailed(message.Id, ex.Message);
                DeliveryLog.Failed(logger, message.Id, message.Recipients, ex.Message);
                failed++;
            }
            catch (Exception ex) when (SmtpTransport.IsTransient(ex) && !ct.IsCancellationRequested)
            {
                if (message.Attempts + 1 >= options.Value.MaxAttempts)
                {
                    outbox.MarkFailed(message.Id, ex.Message);
                    DeliveryLog.Failed(logger, message.Id, message.Recipients, ex.Message);
                    failed++;
                    continue;
                }
                // 1, 2, 4 … minutes, capped at an hour.
                var delay = TimeSpan.FromMinutes(Math.Min(60, Math.Pow(2, message.Attempts)));
                outbox.MarkRetry(message.Id, ex.Message, clock.GetUtcNow() + delay);
                DeliveryLog.WillRetry(logger, message.Id, ex.Message, delay);
                retried++;
            }
        }
        return new DeliveryResult(sent, retried, failed);
    }
}

public sealed record DeliveryResult(int Sent, int Retried, int Failed);

internal static partial class DeliveryLog
{
    [LoggerMessage(EventId = 3001, EventName = "MessageDelivered", Level = LogLevel.Information, Message = "Outbox message {Id} ({Kind}) to {Recipients} delivered to {Where}")]
    public static partial void Delivered(ILogger logger, long id, string kind, string recipients, string where);

    [LoggerMessage(EventId = 3002, EventName = "MessageFailed", Level = LogLevel.Error, Message = "Outbox message {Id} to {Recipients} failed permanently: {Error}")]
    public static partial void Failed(ILogger logger, long id, string recipients, string error);

    [LoggerMessage(EventId = 3003, EventName = "MessageRetry", Level = LogLevel.Warning, Message = "Outbox message {Id} not delivered ({Error}); next attempt in {Delay}")]
    public static partial void WillRetry(ILogger logger, long id, string error, TimeSpan delay);
}
