using System.ComponentModel.DataAnnotations;

namespace ReportWorker.Intake;

public enum MailboxSecurity { SslOnConnect, StartTls, None }

/// <summary>What the intake does with a form whose sender the receiving server could not verify (see <see cref="SenderCheck"/>).</summary>
public enum SenderPolicy
{
    /// <summary>Not taken in; the unit's registered liaisons and the office are told.</summary>
    Require,
    /// <summary>Taken in as before; a warning is logged.</summary>
    Warn,
    /// <summary>Not checked.</summary>
    Off,
}

/// <summary>
/// The IMAP mailbox the liaisons send their forms to. With no Host, mailbox intake is off.
/// The password comes from the environment (Intake__Mailbox__Password) or user secrets, never appsettings.json.
/// </summary>
public sealed class MailboxOptions
{
    public const string SectionName = "Intake:Mailbox";

    public string Host { get; set; } = "";
    [Range(1, 65535)] public int Port { get; set; } = 993;
    public MailboxSecurity Security { get; set; } = MailboxSecurity.SslOnConnect;
    public string UserName { get; set; } = "";
    public string Password { get; set; } = "";
    [Required] public string Folder { get; set; } = "INBOX";
    [Required] public string ProcessedFolder { get; set; } = "Processed";
    [Required] public string RejectedFolder { get; set; } = "Rejected";
    /// <summary>Where the relay's copies of the worker's own outgoing mail are put (see <see cref="MailboxJournal"/>).</summary>
    [Required] public string JournalFolder { get; set; } = "Sent";
    /// <summary>Only for test servers with self-made certificates.</summary>
    public bool AcceptAnyCertificate { get; set; }
    [Range(1, 600)] public int TimeoutSeconds { get; set; } = 60;
    /// <summary>A run takes at most this many messages; the rest wait for the next run.</summary>
    [Range(1, 10_000)] public int MaxMessagesPerRun { get; set; } = 200;
    /// <summary>How long the delivery journal looks for the relay's copy of a cut-off message before answering "not arrived".</summary>
    [Range(0, 600)] public int JournalWaitSeconds { get; set; } = 60;

    /// <summary>
    /// The authserv-id (RFC 8601) of the receiving mail server: only its Authentication-Results headers are believed.
    /// Empty: senders are not verified, and start-up and <c>jobs</c> say so.
    /// </summary>
    public string AuthServId { get; set; } = "";
    /// <summary>Unset: Require when <see cref="AuthServId"/> is set (a server is there to believe), else Warn (nothing can be checked).</summary>
    public SenderPolicy? SenderPolicy { get; set; }

    public bool Enabled => Host.Length > 0;

    public SenderPolicy EffectiveSenderPolicy => SenderPolicy ?? (AuthServId.Length > 0 ? Intake.SenderPolicy.Require : Intake.SenderPolicy.Warn);

    /// <summary>True when a form's sender is checked against the receiving server's verdict.</summary>
    public bool VerifiesSenders => AuthServId.Length > 0 && EffectiveSenderPolicy != Intake.SenderPolicy.Off;
}
