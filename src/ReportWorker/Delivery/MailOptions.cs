using System.ComponentModel.DataAnnotations;
using ReportWorker.Hosting;

namespace ReportWorker.Delivery;

public enum SmtpSecurity { None, StartTls, SslOnConnect, Auto }

public sealed class MailOptions
{
    public const string SectionName = "Mail";

    [Required, MailAddress] public string FromAddress { get; set; } = "";
    [Required] public string FromName { get; set; } = "";
    public SmtpOptions Smtp { get; set; } = new();

    /// <summary>
    /// The explicit choice to send nothing: every message is written as an .eml file to the pickup
    /// folder (a demonstration, a rehearsal, a site whose own system collects the files). An empty
    /// Mail:Smtp:Host without it is taken for a forgotten setting and warned about at start-up.
    /// </summary>
    public bool WriteToPickupFolder { get; set; }

    /// <summary>Mail goes to the pickup folder (chosen or not), not to a relay.</summary>
    public bool UsesPickupFolder => Smtp.Host.Length == 0;

    /// <summary>
    /// After this many failed attempts of the whole transaction (across runs, with growing pauses) a message is given
    /// up as failed. A recipient the server defers (4xx to its RCPT TO) is not counted here: it waits on its own, for
    /// <see cref="RecipientLifetimeHours"/>.
    /// </summary>
    [Range(1, 100, ErrorMessage = "Mail:MaxAttempts 应在 {1} 到 {2} 之间。")]
    public int MaxAttempts { get; set; } = 8;

    /// <summary>At most this many messages handed over in any 60 seconds (mail providers limit senders); 0 = no limit.</summary>
    [Range(0, 10_000, ErrorMessage = "Mail:MaxMessagesPerMinute 应在 {1} 到 {2} 之间（0 表示不限）。")]
    public int MaxMessagesPerMinute { get; set; }

    /// <summary>
    /// How long a deferred recipient ("452 mailbox full") is tried again, as a mail server does (5, 10, 20, 40 minutes,
    /// then hourly), from the first deferral; after that it is given up (expired) and the office is told. Two days by default.
    /// </summary>
    [Range(1, 24 * 14, ErrorMessage = "Mail:RecipientLifetimeHours 应在 {1} 到 {2} 小时之间。")]
    public int RecipientLifetimeHours { get; set; } = 48;

    /// <summary>The office hears once of a recipient still deferred after this many hours (and once more if it is given up).</summary>
    [Range(1, 24 * 14, ErrorMessage = "Mail:RecipientWaitAlertHours 应在 {1} 到 {2} 小时之间。")]
    public int RecipientWaitAlertHours { get; set; } = 4;

    /// <summary>A message still not sent after this many attempts is named in an alert to Organization:OperatorEmail.</summary>
    [Range(1, 100, ErrorMessage = "Mail:AlertAfterAttempts 应在 {1} 到 {2} 之间。")]
    public int AlertAfterAttempts { get; set; } = 4;

    /// <summary>
    /// Extra envelope recipient (not a header) that receives the relay's copy of every message: the
    /// worker's own mailbox, which the delivery journal reads to tell whether a message cut off by a
    /// crash was accepted. Empty = no journal.
    /// </summary>
    public string JournalAddress { get; set; } = "";

    /// <summary>A message another worker has been sending for longer than this, with no way to see that worker, is taken as cut off.</summary>
    [Range(1, 1440, ErrorMessage = "Mail:SendingStaleMinutes 应在 {1} 到 {2} 分钟之间。")]
    public int SendingStaleMinutes { get; set; } = 30;
}

/// <summary>
/// With no Host, messages are written as .eml files to the pickup folder instead of being sent.
/// The password comes from the environment (Mail__Smtp__Password) or user secrets, never appsettings.json.
/// Checked by <see cref="MailOptionsValidator"/> (nested options are not reached by data annotations).
/// </summary>
public sealed class SmtpOptions
{
    public string Host { get; set; } = "";
    public int Port { get; set; } = 587;
    public SmtpSecurity Security { get; set; } = SmtpSecurity.StartTls;
    public string UserName { get; set; } = "";
    public string Password { get; set; } = "";
    /// <summary>Only for test servers with self-made certificates.</summary>
    public bool AcceptAnyCertificate { get; set; }
    public int TimeoutSeconds { get; set; } = 60;
    /// <summary>Within one delivery run, how often connecting is tried again after a transient failure.</summary>
    public int ConnectRetries { get; set; } = 2;
    /// <summary>Pause before the first of those retries; each further one waits twice as long.</summary>
    public int RetryDelayMilliseconds { get; set; } = 1000;
}
