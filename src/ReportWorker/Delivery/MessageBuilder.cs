using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using MimeKit;

namespace ReportWorker.Delivery;

/// <summary>Turns an <see cref="OutgoingMessage"/> into MIME bytes: HTML with a plain-text alternative, attachments, a stable Message-Id.</summary>
public sealed class MessageBuilder(IOptions<MailOptions> options, TimeProvider clock)
{
    // Chinese mail clients (Foxmail, many webmails) read RFC 2047 file names; RFC 2231 shows as garbage in some.
    private static readonly FormatOptions WriteOptions = CreateWriteOptions();

    private static FormatOptions CreateWriteOptions()
    {
        var o = FormatOptions.Default.Clone();
        o.ParameterEncodingMethod = ParameterEncodingMethod.Rfc2047;
        o.NewLineFormat = NewLineFormat.Dos;
        return o;
    }

    public string MessageIdFor(string key)
    {
        var from = options.Value.FromAddress;
        var domain = from[(from.IndexOf('@') + 1)..];
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..32];
        return $"{hash}.reportworker@{domain}";
    }

    public byte[] Build(OutgoingMessage message)
    {
        var mime = new MimeMessage { Subject = message.Subject, MessageId = MessageIdFor(message.Key), Date = clock.GetUtcNow() };
        mime.From.Add(new MailboxAddress(options.Value.FromName, options.Value.FromAddress));
        mime.To.AddRange(message.To.Select(Mailbox));
        mime.Cc.AddRange(message.Cc.Select(Mailbox));
        mime.Bcc.AddRange(message.Bcc.Select(Mailbox));
        mime.Headers.Add("X-ReportWorker-Kind", message.Kind);
        // RFC 3834: tells well-behaved auto-responders not to answer, so two robots never write to each other forever.
        mime.Headers.Add("Auto-Submitted", MessageKinds.IsAnswer(message.Kind) ? "auto-replied" : "auto-generated");
        var body = new BodyBuilder { HtmlBody = message.Html, TextBody = message.Text };
        foreach (var a in message.Attachments)
            body.Attachments.Add(a.FileName, a.Content, ContentType.Parse(a.ContentType));
        mime.Body = body.ToMessageBody();
        using var stream = new MemoryStream();
        mime.WriteTo(WriteOptions, stream);
        return stream.ToArray();
    }

    private static MailboxAddress Mailbox(Recipient recipient) => new(recipient.Name, recipient.Address);
}
