using System.Buffers.Binary;
using System.Text;
using MimeKit;
using MimeKit.Tnef;

namespace ReportWorker.Intake;

/// <summary>A file carried by a message: where it sits among the message's files, its decoded name, its part.</summary>
public sealed record MailFile(int Index, string Name, MimePart Part);

/// <summary>What a message holds, as far as the intake cares: the files, and what else was there instead.</summary>
public sealed record MailContents(IReadOnlyList<MailFile> Files, int EmbeddedImages, bool Forwarded);

/// <summary>Reads messages the way the intake needs them: which are automatic, which are our own, which parts are files.</summary>
public static class MailParts
{
    /// <summary>
    /// Older Chinese mail clients write file names and subjects as raw GBK bytes with no encoding
    /// label; MimeKit tries UTF-8 first and falls back to this, so those names still read as Chinese.
    /// </summary>
    public static readonly ParserOptions Parser = CreateParser();

    private static ParserOptions CreateParser()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return new ParserOptions { CharsetEncoding = Encoding.GetEncoding("GB18030") };
    }

    public static MimeMessage Parse(byte[] raw)
    {
        using var stream = new MemoryStream(raw, writable: false);
        return MimeMessage.Load(Parser, stream);
    }

    public static string? SenderAddress(MimeMessage message) =>
        message.From.Mailboxes.FirstOrDefault()?.Address is { Length: > 0 } address ? address : null;

    /// <summary>The relay's copy of a message the worker sent itself (see MessageBuilder.MessageIdFor).</summary>
    public static bool IsOwnCopy(MimeMessage message, string fromAddress) =>
        string.Equals(SenderAddress(message), fromAddress, StringComparison.OrdinalIgnoreCase)
        && message.MessageId is { } id && id.EndsWith(OwnMessageIdSuffix(fromAddress), StringComparison.OrdinalIgnoreCase);

    /// <summary>How every Message-Id the worker makes ends (MessageBuilder.MessageIdFor): ".reportworker@domain".</summary>
    public static string OwnMessageIdSuffix(string fromAddress) => $".reportworker@{fromAddress[(fromAddress.IndexOf('@') + 1)..]}";

    /// <summary>Why a message must not be answered (RFC 3834), or null for mail a person sent.</summary>
    public static string? AutomaticReason(MimeMessage message, string fromAddress)
    {
        var local = SenderAddress(message) is { } s ? s[..Math.Max(0, s.IndexOf('@'))] : "";
        if (local.Equals("MAILER-DAEMON", StringComparison.OrdinalIgnoreCase) || local.Equals("postmaster", StringComparison.OrdinalIgnoreCase))
            return $"From {local}";
        if (message.Body?.ContentType.IsMimeType("multipart", "report") == true) return "multipart/report";
        if (message.Headers[HeaderId.ReturnPath]?.Trim() == "<>") return "Return-Path <>";
        if (message.Headers["Auto-Submitted"] is { } auto && !FirstWord(auto).Equals("no", StringComparison.OrdinalIgnoreCase))
            return $"Auto-Submitted: {auto.Trim()}";
        foreach (var header in (string[])["X-Autoreply", "X-Autorespond"])
            if (message.Headers.Contains(header)) return header;
        var precedence = FirstWord(message.Headers[HeaderId.Precedence] ?? "").ToLowerInvariant();
        if (precedence is "bulk" or "junk" or "list") return $"Precedence: {precedence}";
        if (message.Headers.Contains(HeaderId.ListId)) return "List-Id";
        // Mail from our own address that is not one of our own copies: answering it could start a loop.
        if (string.Equals(SenderAddress(message), fromAddress, StringComparison.OrdinalIgnoreCase)) return "From our own address";
        return null;
    }

    /// <summary>
    /// Every part a person attached, in message order, including those inside a forwarded message and inside winmail.dat.
    /// Skipped: the body text, images embedded in the body (signature logos, pasted screenshots) and
    /// signatures; an image the sender attached as a file is kept, and its answer says what to send instead.
    /// </summary>
    public static MailContents Contents(MimeMessage message)
    {
        var files = new List<MailFile>();
        int embedded = 0;
        var forwarded = false;
        void Walk(MimeEntity? entity, bool inRelated)
        {
            switch (entity)
            {
                case Multipart multipart:
                    var related = multipart.ContentType.IsMimeType("multipart", "related");
                    foreach (var child in multipart) Walk(child, inRelated || related);
                    break;
                case MessagePart attached:
                    forwarded = true;
                    Walk(attached.Message?.Body, false);
                    break;
                // Outlook's winmail.dat: its files are the message's files, numbered where it stood, in its order.
                case MimePart part when Tnef(part) is { } inner:
                    foreach (var child in inner) Walk(child, false);
                    break;
                case MimePart part when IsBodyText(part) || IsSignature(part):
                    break;
                case MimePart part when IsEmbeddedImage(part, inRelated):
                    embedded++;
                    break;
                case MimePart part:
                    files.Add(new MailFile(files.Count, Name(part, files.Count), part));
                    break;
            }
        }
        Walk(message.Body, false);
        return new MailContents(files, embedded, forwarded);
    }

    /// <summary>
    /// The parts inside a TNEF attachment (application/ms-tnef, or a file named winmail.dat), or null when the part is
    /// not one or cannot be read: then it stays a file of its own, and its answer says it is not a form.
    /// </summary>
    private static IReadOnlyList<MimeEntity>? Tnef(MimePart part)
    {
        var isTnef = part is TnefPart || string.Equals(part.FileName?.Trim(), "winmail.dat", StringComparison.OrdinalIgnoreCase);
        if (!isTnef || part.Content is null) return null;
        // MimeKit reads leniently and finds nothing in bytes that are not TNEF at all: those stay a file.
        Span<byte> signature = stackalloc byte[4];
        using (var decoded = part.Content.Open())
            if (decoded.ReadAtLeast(signature, 4, throwOnEndOfStream: false) < 4 || BinaryPrimitives.ReadUInt32LittleEndian(signature) != TnefSignature) return null;
        var tnef = part as TnefPart ?? new TnefPart { Content = part.Content };
        try
        {
            return tnef.ExtractAttachments().ToArray();
        }
        catch (Exception ex) when (ex is TnefException or InvalidOperationException or IOException or FormatException or ArgumentException)
        {
            return null;
        }
    }

    private const uint TnefSignature = 0x223E9F78;

    private static string FirstWord(string value) =>
        value.Split([' ', '\t', ';', '('], StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "";

    private static bool IsBodyText(MimePart part) => part is TextPart && !part.IsAttachment && string.IsNullOrEmpty(part.FileName);

    private static bool IsSignature(MimePart part) =>
        part.ContentType.MimeType.ToLowerInvariant() is "application/pkcs7-signature" or "application/x-pkcs7-signature" or "application/pgp-signature";

    // Apple Mail sends real attachments as "inline" too, so only images count as embedded.
    private static bool IsEmbeddedImage(MimePart part, bool inRelated) =>
        part.ContentType.MediaType.Equals("image", StringComparison.OrdinalIgnoreCase)
        && (part.ContentDisposition?.Disposition is { } d
            ? d.Equals(ContentDisposition.Inline, StringComparison.OrdinalIgnoreCase)
            : inRelated || part.ContentId is not null);

    private static string Name(MimePart part, int index) =>
        part.FileName is { } name && name.Trim().Length > 0 ? name.Trim() : $"附件{index + 1}";
}
