using System.Text;
using MimeKit;
using ReportWorker.Intake;
using ReportWorker.Tests.Support;

namespace ReportWorker.Tests.Intake;

/// <summary>Reading delivery reports: RFC 3464 DSNs and the common plain-text bounces.</summary>
public sealed class DeliveryReportTests
{
    private const string Suffix = ".reportworker@example.gov.cn";
    private const string Ours = "0123456789abcdef0123456789abcdef.reportworker@example.gov.cn";

    [Fact]
    public void A_dsn_gives_each_recipient_its_action_status_and_diagnostic_and_the_returned_message_id()
    {
        var report = Read(TestBounces.Dsn(Ours,
            ("nobody@unit.gov.cn", "failed", "5.1.1", "550 5.1.1 <nobody@unit.gov.cn>: Recipient address\r\n    rejected: User unknown"),
            ("slow@unit.gov.cn", "delayed", "4.4.1", "connect to mx.unit.gov.cn: Connection timed out"),
            ("ok@unit.gov.cn", "relayed", "2.0.0", "250 ok")));

        Assert.NotNull(report);
        Assert.True(report.Standard);
        Assert.Equal(Ours, report.MessageId);
        Assert.Equal([("nobody@unit.gov.cn", "failed", "5.1.1"), ("slow@unit.gov.cn", "delayed", "4.4.1"), ("ok@unit.gov.cn", "relayed", "2.0.0")],
            report.Recipients.Select(r => (r.Address, r.Action, r.Status)));
        Assert.Equal("550 5.1.1 <nobody@unit.gov.cn>: Recipient address rejected: User unknown", report.Recipients[0].Diagnostic);
        Assert.Equal("nobody@unit.gov.cn", Assert.Single(report.Failures).Address);
    }

    [Fact]
    public void A_qmail_bounce_is_read_from_its_text_and_the_quoted_message_id_is_ours_not_the_one_it_replied_to()
    {
        var report = Read(TestBounces.Qmail(Ours, "nobody@unit.gov.cn", "t1.liaison@mail.example.gov.cn"));

        Assert.NotNull(report);
        Assert.False(report.Standard);
        Assert.Equal(Ours, report.MessageId);
        var failed = Assert.Single(report.Recipients);
        Assert.Equal(("nobody@unit.gov.cn", "failed", "5.1.1"), (failed.Address, failed.Action, failed.Status));
        Assert.Contains("User unknown", failed.Diagnostic);
    }

    [Fact]
    public void An_exim_bounce_names_its_failed_recipient_in_x_failed_recipients()
    {
        var text = $"""
            From: Mail Delivery System <Mailer-Daemon@exim.example.com>
            To: dangjian-report@example.gov.cn
            Subject: Mail delivery failed: returning message to sender
            X-Failed-Recipients: gone@unit.gov.cn
            Auto-Submitted: auto-replied

            This message was created automatically by mail delivery software.

            A message that you sent could not be delivered to one or more of its
            recipients. This is a permanent error. The following address(es) failed:

              gone@unit.gov.cn
                host mx.unit.gov.cn [10.0.0.1]
                SMTP error from remote mail server after RCPT TO:<gone@unit.gov.cn>:
                550 No such user here

            ------ This is a copy of the message, including all the headers. ------

            Return-path: <dangjian-report@example.gov.cn>
            From: dangjian-report@example.gov.cn
            To: gone@unit.gov.cn, someone@unit.gov.cn
            Message-Id: <{Ours}>

            body
            """;

        var report = Read(Encoding.UTF8.GetBytes(text.ReplaceLineEndings("\r\n")));

        Assert.NotNull(report);
        Assert.Equal(Ours, report.MessageId);
        var failed = Assert.Single(report.Recipients);
        Assert.Equal(("gone@unit.gov.cn", "failed", "5.0.0"), (failed.Address, failed.Action, failed.Status));
    }

    [Fact]
    public void An_out_of_office_reply_with_a_null_return_path_is_not_a_bounce()
    {
        var text = $"""
            Return-Path: <>
            From: ssjt@example.gov.cn
            To: dangjian-report@example.gov.cn
            Subject: 自动回复：【回执】海南省审计厅2025年3月
            Auto-Submitted: auto-replied

            我休假至4月10日，急事请联系 ssjt.dj@example.gov.cn。发送失败的邮件请重发。
            Message-ID: <{Ours}>
            """;

        Assert.Null(Read(Encoding.UTF8.GetBytes(text.ReplaceLineEndings("\r\n"))));
    }

    [Fact]
    public void A_multipart_report_without_a_delivery_status_or_a_named_recipient_reports_nothing()
    {
        var mail = TestMail.Message("MAILER-DAEMON@mail.example.gov.cn", "Undelivered Mail Returned to Sender");
        var report = new MultipartReport("delivery-status") { new TextPart("plain") { Text = "Delivery failed" } };
        report.Add(new MessagePart { Message = TestMail.Message("ssjt@example.gov.cn", "月报") });
        mail.Body = report;

        Assert.Null(Read(TestMail.Bytes(mail)));
    }

    private static DeliveryReport? Read(byte[] raw) => DeliveryReport.Read(MailParts.Parse(raw), Suffix);
}
