using System.Text;

namespace ReportWorker.Tests.Support;

/// <summary>Delivery reports as mail servers write them, as raw bytes (CRLF), about a message the test names by its Message-Id.</summary>
public static class TestBounces
{
    private const string Ours = "dangjian-report@example.gov.cn";
    private static int _count;

    /// <summary>What Postfix sends: multipart/report; report-type=delivery-status, one recipient group per (address, action, status, diagnostic), the returned headers.</summary>
    public static byte[] Dsn(string messageId, params (string Recipient, string Action, string Status, string Diagnostic)[] groups)
    {
        var b = new StringBuilder();
        b.Append(Headers("MAILER-DAEMON@mx.example.gov.cn (Mail Delivery System)", groups.All(g => g.Action == "delayed")
            ? "Delayed Mail (still being retried)" : "Undelivered Mail Returned to Sender"));
        b.Append("MIME-Version: 1.0\r\nContent-Type: multipart/report; report-type=delivery-status;\r\n\tboundary=\"R1\"\r\n\r\n");
        b.Append("This is a MIME-encapsulated message.\r\n\r\n--R1\r\nContent-Description: Notification\r\nContent-Type: text/plain; charset=us-ascii\r\n\r\n");
        b.Append("This is the mail system at host mx.example.gov.cn.\r\n\r\nI'm sorry to have to inform you that your message could not\r\nbe delivered to one or more recipients.\r\n\r\n");
        b.Append("--R1\r\nContent-Description: Delivery report\r\nContent-Type: message/delivery-status\r\n\r\n");
        b.Append("Reporting-MTA: dns; mx.example.gov.cn\r\nX-Postfix-Queue-ID: 4ZxY1A2B3C\r\nArrival-Date: Thu,  3 Apr 2025 09:59:00 +0800 (CST)\r\n");
        foreach (var (recipient, action, status, diagnostic) in groups)
        {
            b.Append($"\r\nFinal-Recipient: rfc822; {recipient}\r\nOriginal-Recipient: rfc822;{recipient}\r\nAction: {action}\r\nStatus: {status}\r\n");
            b.Append($"Remote-MTA: dns; mx.{recipient.Split('@')[1]}\r\nDiagnostic-Code: smtp; {diagnostic}\r\n");
        }
        b.Append("\r\n--R1\r\nContent-Description: Undelivered Message Headers\r\nContent-Type: text/rfc822-headers\r\n\r\n");
        b.Append($"Return-Path: <{Ours}>\r\nFrom: =?UTF-8?B?{Convert.ToBase64String(Encoding.UTF8.GetBytes("省委省直机关工委"))}?= <{Ours}>\r\n");
        b.Append($"To: {string.Join(", ", groups.Select(g => g.Recipient))}\r\nSubject: =?UTF-8?B?{Convert.ToBase64String(Encoding.UTF8.GetBytes("【回执】海南省审计厅2025年3月"))}?=\r\n");
        b.Append($"Message-ID: <{messageId}>\r\nAuto-Submitted: auto-replied\r\n\r\n--R1--\r\n");
        return Encoding.UTF8.GetBytes(b.ToString());
    }

    /// <summary>What qmail sends: plain text from MAILER-DAEMON, the failed recipient and the remote's words, the original quoted below a line.</summary>
    public static byte[] Qmail(string messageId, string recipient, string inReplyTo)
    {
        var b = new StringBuilder();
        b.Append(Headers("MAILER-DAEMON@qmail.example.gov.cn", "failure notice"));
        b.Append("\r\nHi. This is the qmail-send program at qmail.example.gov.cn.\r\n");
        b.Append("I'm afraid I wasn't able to deliver your message to the following addresses.\r\n");
        b.Append("This is a permanent error; I've given up. Sorry it didn't work out.\r\n\r\n");
        b.Append($"<{recipient}>:\r\n10.1.2.3 does not like recipient.\r\nRemote host said: 550 5.1.1 <{recipient}>: Recipient address rejected: User unknown\r\nGiving up on 10.1.2.3.\r\n\r\n");
        b.Append("--- Below this line is a copy of the message.\r\n\r\n");
        b.Append($"Return-Path: <{Ours}>\r\nReceived: (qmail 1234 invoked by uid 0); 3 Apr 2025 01:59:00 -0000\r\nFrom: {Ours}\r\nTo: {recipient}\r\n");
        // The quoted original answers a liaison's message: its In-Reply-To and References name another Message-Id.
        b.Append($"In-Reply-To: <{inReplyTo}>\r\nReferences: <{inReplyTo}>\r\nMessage-ID: <{messageId}>\r\nSubject: receipt\r\n\r\n(body)\r\n");
        return Encoding.UTF8.GetBytes(b.ToString());
    }

    private static string Headers(string from, string subject) =>
        $"Return-Path: <>\r\nFrom: {from}\r\nTo: {Ours}\r\nSubject: {subject}\r\n" +
        $"Message-ID: <bounce{Interlocked.Increment(ref _count)}.{Guid.NewGuid():N}@mx.example.gov.cn>\r\nDate: Thu, 03 Apr 2025 10:00:00 +0800\r\nAuto-Submitted: auto-replied\r\n";
}
