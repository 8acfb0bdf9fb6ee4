using MailKit.Net.Smtp;
using MimeKit;

namespace ReportWorker.Delivery;

/// <summary>
/// An SMTP client that goes on with the recipients the server accepted when it refuses others, and remembers what it
/// said of each: a 5xx on RCPT TO refuses that recipient for good, a 4xx ("mailbox full, try later") defers that
/// recipient alone. MailKit's default fails the whole message on either, which held a circular back from fifty
/// liaisons because one mailbox was full.
/// </summary>
internal sealed class RefusalRecordingSmtpClient : SmtpClient
{
    public List<RefusedRecipient> Refused { get; } = [];
    public List<RefusedRecipient> Deferred { get; } = [];

    public void Clear()
    {
        Refused.Clear();
        Deferred.Clear();
    }

    protected override void OnRecipientNotAccepted(MimeMessage message, MailboxAddress mailbox, SmtpResponse response)
    {
        var said = new RefusedRecipient(mailbox.Address, $"{(int)response.StatusCode} {response.Response}");
        if ((int)response.StatusCode < 500) Deferred.Add(said);
        else Refused.Add(said);
    }

    /// <summary>No recipient was accepted: nothing to send; the caller records what the server said of each.</summary>
    protected override void OnNoRecipientsAccepted(MimeMessage message) => throw new NoRecipientAcceptedException();
}

/// <summary>The server accepted none of a transaction's recipients (each refused or deferred): no DATA was sent.</summary>
internal sealed class NoRecipientAcceptedException() : Exception("The server accepted none of the recipients.");
