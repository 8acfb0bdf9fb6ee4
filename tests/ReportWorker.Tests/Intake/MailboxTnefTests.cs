using MimeKit;
using MimeKit.Tnef;
using ReportWorker.Intake;
using ReportWorker.Ledger;
using ReportWorker.Periods;
using ReportWorker.Tests.Support;

namespace ReportWorker.Tests.Intake;

/// <summary>Outlook's winmail.dat (application/ms-tnef): the files inside are the message's files.</summary>
public class MailboxTnefTests(DovecotServer dovecot) : IClassFixture<DovecotServer>
{
    private const string Liaison = "ssjt@example.gov.cn";
    private static readonly ReportMonth March = new(2025, 3);

    [Fact]
    public async Task A_form_inside_winmail_dat_is_taken_in_under_its_own_name()
    {
        dovecot.Require();
        var user = dovecot.NewUser();
        using var world = new TestWorld(dovecot.Settings(user));
        world.ImportSmallRegistry();
        var mail = TestMail.Message(Liaison, "省审计厅3月报表");
        mail.Body = new Multipart("mixed") { mail.Body!, Winmail(TnefFile.Write("请查收。", ("省审计厅3月报表.xlsx", world.FilledForm("U02", March)))) };
        await dovecot.AppendAsync(user, TestMail.Bytes(mail));

        var outcome = Assert.Single(await world.Get<MailboxIntake>().ProcessAsync(CancellationToken.None));

        Assert.Equal((MailboxOutcome.Taken, "Processed"), (outcome.Disposition, outcome.Folder));
        Assert.True(Assert.Single(outcome.Files).IsAccepted);
        var received = Assert.Single(world.Get<ReceivedFileStore>().All());
        Assert.Equal(($"{mail.MessageId}/0", "省审计厅3月报表.xlsx"), (received.SourceRef, received.OriginalName));
        Assert.Contains(world.Get<SubmissionStore>().InForce(March), s => s.UnitCode == "U02");
        Assert.Equal("receipt", Assert.Single(MailboxIntakeTests.Outbox(world)).Kind);
    }

    [Fact]
    public void Files_inside_winmail_dat_are_numbered_where_it_stood_and_the_files_after_it_follow()
    {
        var mail = TestMail.WithFiles(Liaison, "报表", ("前.xlsx", [1]));
        ((Multipart)mail.Body!).Add(Winmail(TnefFile.Write("正文", ("甲.xlsx", [2]), ("乙.docx", [3]))));
        ((Multipart)mail.Body!).Add(TestMail.File("后.csv", [4], "text/csv"));

        var files = MailParts.Contents(MailParts.Parse(TestMail.Bytes(mail))).Files;

        // The TNEF body (RTF, HTML, text) is the message's text, not a file.
        Assert.Equal([(0, "前.xlsx"), (1, "甲.xlsx"), (2, "乙.docx"), (3, "后.csv")], files.Select(f => (f.Index, f.Name)));
        Assert.Equal([2], Decoded(files[1]));
    }

    [Fact]
    public void A_winmail_dat_that_is_not_tnef_stays_a_file_and_one_with_only_a_body_holds_none()
    {
        var broken = TestMail.WithFiles(Liaison, "报表", ("winmail.dat", [1, 2, 3, 4, 5, 6]));
        var bodyOnly = TestMail.Message(Liaison, "报表");
        bodyOnly.Body = new Multipart("mixed") { bodyOnly.Body!, Winmail(TnefFile.Write("只有正文")) };

        Assert.Equal("winmail.dat", Assert.Single(MailParts.Contents(MailParts.Parse(TestMail.Bytes(broken))).Files).Name);
        Assert.Empty(MailParts.Contents(MailParts.Parse(TestMail.Bytes(bodyOnly))).Files);
    }

    private static TnefPart Winmail(byte[] tnef) => new()
    {
        Content = new MimeContent(new MemoryStream(tnef)),
        ContentTransferEncoding = ContentEncoding.Base64,
    };

    private static byte[] Decoded(MailFile file)
    {
        using var s = new MemoryStream();
        file.Part.Content!.DecodeTo(s);
        return s.ToArray();
    }
}
