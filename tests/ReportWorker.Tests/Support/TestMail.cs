using System.Text;
using MimeKit;

namespace ReportWorker.Tests.Support;

/// <summary>Messages as liaisons' mail clients send them, as the bytes a server would store (CRLF).</summary>
public static class TestMail
{
    public const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static int _count;

    public static MimeMessage Message(string from, string subject, string text = "请查收。")
    {
        var m = new MimeMessage { Subject = subject, MessageId = $"t{Interlocked.Increment(ref _count)}.{Guid.NewGuid():N}@mail.example.gov.cn" };
        m.Date = new DateTimeOffset(2025, 4, 3, 9, 30, 0, TimeSpan.FromHours(8));
        m.From.Add(MailboxAddress.Parse(from));
        m.To.Add(MailboxAddress.Parse("dangjian-report@example.gov.cn"));
        m.Body = new TextPart("plain") { Text = text };
        return m;
    }

    /// <summary>A message with the files attached (Content-Disposition: attachment), names exactly as given.</summary>
    public static MimeMessage WithFiles(string from, string subject, params (string Name, byte[] Content)[] files)
    {
        var m = Message(from, subject);
        var mixed = new Multipart("mixed") { m.Body! };
        foreach (var (name, content) in files) mixed.Add(File(name, content));
        m.Body = mixed;
        return m;
    }

    public static MimePart File(string name, byte[] content, string mimeType = Xlsx) => new(ContentType.Parse(mimeType))
    {
        Content = new MimeContent(new MemoryStream(content)),
        ContentDisposition = new ContentDisposition(ContentDisposition.Attachment) { FileName = name },
        ContentTransferEncoding = ContentEncoding.Base64,
    };

    public static byte[] Bytes(MimeMessage message)
    {
        var options = FormatOptions.Default.Clone();
        options.NewLineFormat = NewLineFormat.Dos;
        using var stream = new MemoryStream();
        message.WriteTo(options, stream);
        return stream.ToArray();
    }

    /// <summary>
    /// A message written by hand, as older Chinese clients do: <paramref name="disposition"/> is the
    /// attachment's Content-Disposition value as raw bytes (RFC 2047 GBK words, or bare GBK).
    /// </summary>
    public static byte[] HandWritten(string from, string subject, byte[] disposition, byte[] content)
    {
        using var s = new MemoryStream();
        void Ascii(string text) => s.Write(Encoding.ASCII.GetBytes(text));
        Ascii($"From: {from}\r\nTo: dangjian-report@example.gov.cn\r\nSubject: {subject}\r\n");
        Ascii($"Message-ID: <hw{Interlocked.Increment(ref _count)}.{Guid.NewGuid():N}@mail.example.gov.cn>\r\n");
        Ascii("Date: Thu, 03 Apr 2025 09:30:00 +0800\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"=_b1\"\r\n\r\n");
        Ascii("--=_b1\r\nContent-Type: text/plain; charset=us-ascii\r\n\r\nPlease see the attachment.\r\n");
        Ascii("--=_b1\r\nContent-Type: application/octet-stream\r\nContent-Transfer-Encoding: base64\r\nContent-Disposition: ");
        s.Write(disposition);
        Ascii("\r\n\r\n");
        Ascii(Convert.ToBase64String(content, Base64FormattingOptions.InsertLineBreaks));
        Ascii("\r\n--=_b1--\r\n");
        return s.ToArray();
    }
}
