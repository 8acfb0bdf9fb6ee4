using MailKit.Net.Smtp;
using MimeKit;

namespace ReportWorker.Delivery;

/// <summary>
/// An SMTP client that goes on with the recipients the server accepted when it refuses others for good
/// (5xx on RCPT TO), and remembers the refusals. MailKit's default fails the whole message, which would
/// keep a receipt from a unit's second liaison because the first one's address is wrong.
/// </summary>
internal sealed class RefusalRecordingSmtpClient : SmtpClient
{
    public List<RefusedRecipient> Refused { get; } = [];

    protected override void OnRecipientNotAccepted(MimeMessage message, MailboxAddress mailbox, SmtpResponse response)
    {
        // A 4xx may pass: fail the whole message now so that every recipient is retried together and no one gets it twice.
        if ((int)response.StatusCode < 500)
        {
            base.OnRecipientNotAccepted(message, mailbox, response);
            return;
        }
        Refused.Add(new RefusedRecipient(mailbox.Address, $"{(int)response.StatusCode} {response.Response}"));
    }
}
