using System.Net;
using System.Net.Mail;
using Microsoft.Extensions.Options;

namespace ReportWorker.Delivery;

/// <summary>Checks what data annotations cannot: the nested SMTP settings, the journal address, and settings that only make sense together.</summary>
public sealed class MailOptionsValidator : IValidateOptions<MailOptions>
{
    public ValidateOptionsResult Validate(string? name, MailOptions options)
    {
        var failures = new List<string>();
        var smtp = options.Smtp;
        Range(failures, "Mail:Smtp:Port", smtp.Port, 1, 65_535);
        Range(failures, "Mail:Smtp:TimeoutSeconds", smtp.TimeoutSeconds, 1, 600);
        Range(failures, "Mail:Smtp:ConnectRetries", smtp.ConnectRetries, 0, 10);
        Range(failures, "Mail:Smtp:RetryDelayMilliseconds", smtp.RetryDelayMilliseconds, 0, 60_000);
        if (smtp.Host.Length > 0 && smtp.Security is SmtpSecurity.None or SmtpSecurity.Auto && !IsLoopback(smtp.Host))
            failures.Add($"Mail:Smtp:Security is {smtp.Security} for Mail:Smtp:Host '{smtp.Host}': TLS required for non-loopback host (use StartTls or SslOnConnect; {smtp.Security} {(smtp.Security == SmtpSecurity.Auto ? "falls back to plain text when the server does not offer TLS" : "is only for a relay on this machine")}).");
        if (smtp.Host.Length > 0 && smtp.AcceptAnyCertificate && !IsLoopback(smtp.Host))
            failures.Add($"Mail:Smtp:AcceptAnyCertificate is only for a test server on this machine, not for '{smtp.Host}': anyone in between could read the password.");
        if (options.JournalAddress.Length > 0 && !MailAddress.TryCreate(options.JournalAddress, out _))
            failures.Add($"Mail:JournalAddress '{options.JournalAddress}' is not an e-mail address (leave it empty for no journal).");
        if (options.AlertAfterAttempts > options.MaxAttempts)
            failures.Add($"Mail:AlertAfterAttempts ({options.AlertAfterAttempts}) must not exceed Mail:MaxAttempts ({options.MaxAttempts}), or operators hear of a message only after it has failed.");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Range(List<string> failures, string key, int value, int min, int max)
    {
        if (value < min || value > max) failures.Add($"{key} must be between {min} and {max} (is {value}).");
    }

    private static bool IsLoopback(string host) =>
        host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || (IPAddress.TryParse(host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));
}
