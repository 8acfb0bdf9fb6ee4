using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;

namespace ReportWorker.Delivery;

/// <summary>Which SMTP failures are worth another try, and how soon.</summary>
internal static class SmtpFailures
{
    /// <summary>
    /// Connecting is tried a few more times within a run, a second or so apart, for failures that pass by
    /// themselves: refused or reset connections, timeouts, a TLS handshake cut short, a 4xx greeting.
    /// A refused login is not among them: the same password will not work a second later (it waits for
    /// the next run and, if it persists, the operators are alerted). Longer outages are bridged across
    /// runs by the outbox's next_attempt_at.
    /// </summary>
    public static ResiliencePipeline ConnectPipeline(SmtpOptions smtp, ILogger logger)
    {
        if (smtp.ConnectRetries == 0) return ResiliencePipeline.Empty;
        // Real time, not the injected clock: these are waits on a socket within one run, not calendar logic,
        // and a fake clock in tests would never let them end.
        return new ResiliencePipelineBuilder { TimeProvider = TimeProvider.System }
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder()
                    .Handle<SocketException>()
                    .Handle<IOException>()
                    .Handle<TimeoutException>()
                    .Handle<SslHandshakeException>()
                    .Handle<SmtpProtocolException>()
                    .Handle<SmtpCommandException>(e => (int)e.StatusCode is >= 400 and < 500),
                MaxRetryAttempts = smtp.ConnectRetries,
                Delay = TimeSpan.FromMilliseconds(smtp.RetryDelayMilliseconds),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = false,
                OnRetry = args =>
                {
                    DeliveryLog.ConnectRetry(logger, smtp.Host, smtp.Port, args.AttemptNumber + 1, args.RetryDelay, args.Outcome.Exception?.Message ?? "");
                    return ValueTask.CompletedTask;
                },
            })
            .Build();
    }

    /// <summary>Connecting failed for good in this run: nothing can be sent until the server, the network or the settings are fixed.</summary>
    public static bool MeansUnavailable(Exception ex, CancellationToken ct) =>
        ex is SocketException or IOException or TimeoutException or SslHandshakeException or SmtpProtocolException or SmtpCommandException
            or AuthenticationException or ServiceNotAuthenticatedException or NotSupportedException
        || (ex is OperationCanceledException && !ct.IsCancellationRequested);

    /// <summary>
    /// A 5xx about this message: refused content, size or every recipient. A refused sender is not: that is
    /// the FromAddress setting, the same for every message, and the messages should go once it is fixed.
    /// </summary>
    public static bool IsPermanent(SmtpCommandException ex) =>
        (int)ex.StatusCode >= 500 && ex.ErrorCode != SmtpErrorCode.SenderNotAccepted;

    /// <summary>The message may go on a later attempt: a 4xx, a dropped connection, a timeout.</summary>
    public static bool IsTransient(Exception ex, CancellationToken ct) =>
        ex is IOException or SocketException or TimeoutException or SmtpProtocolException or ServiceNotConnectedException or ServiceNotAuthenticatedException
        || ex is SmtpCommandException command && !IsPermanent(command)
        || (ex is OperationCanceledException && !ct.IsCancellationRequested);
}
