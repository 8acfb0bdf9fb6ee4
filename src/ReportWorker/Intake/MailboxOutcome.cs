namespace ReportWorker.Intake;

/// <summary>What became of one message. <paramref name="ObjectionId"/>: the objection it was recorded as, when this run recorded one.</summary>
public sealed record MailboxOutcome(string MessageId, string? Sender, string Subject, string Disposition, string Folder, IReadOnlyList<IntakeOutcome> Files,
    long? ObjectionId = null)
{
    public const string Taken = "taken";                // its files went through intake
    public const string NoAttachment = "no-attachment"; // answered with how to attach the form
    public const string Objection = "objection";        // a reply to a draft 考核反馈单 without a form: recorded, forwarded to the office
    public const string Automatic = "automatic";        // auto-reply, list mail, a delay report: kept, not answered
    public const string Bounce = "bounce";              // a report that our message did not reach someone: recorded for Delivery, not answered
    public const string SenderUnverified = "sender-unverified"; // the receiving server did not vouch for From: not taken in, the unit and the office told
    public const string NotAnswered = "not-answered";   // no file, and nothing to fix: a stranger, or "收到" to a notice
    public const string NoSender = "no-sender";         // nobody to check or answer: kept, not answered
    public const string Journal = "journal";            // the relay's copy of our own mail
    public const string AlreadyTaken = "already-taken"; // taken before an interruption or delivered twice: only moved
}
