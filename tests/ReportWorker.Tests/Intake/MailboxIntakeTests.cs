using System.Text;
using Dapper;
using Microsoft.Extensions.Options;
using MimeKit;
using ReportWorker.Delivery;
using ReportWorker.Intake;
using ReportWorker.Ledger;
using ReportWorker.Tests.Support;
using ReportWorker.Periods;

namespace ReportWorker.Tests.Intake;

/// <summary>
/// Mailbox intake against a real Dovecot: messages are appended over IMAP as a mail server would
/// deliver them, the worker reads them, and the tests look at the ledger, the outbox, the archive
/// and the mailbox folders. Each test has its own IMAP user.
/// </summary>
public class MailboxIntakeTests(DovecotServer dovecot) : IClassFixture<DovecotServer>
{
    private const string Liaison = "ssjt@example.gov.cn";   // 省审计厅 (U02)
    private static readonly ReportMonth March = new(2025, 3);

    [Fact]
    public async Task A_form_from_the_registered_liaison_is_recorded_answered_with_a_receipt_and_moved_to_processed()
    {
        var (world, user) = World();
        using var _ = world;
        var mail = TestMail.WithFiles(Liaison, "省审计厅3月报表", ("省审计厅3月报表.xlsx", world.FilledForm("U02", March)));
        await dovecot.AppendAsync(user, TestMail.Bytes(mail));

        var outcome = Assert.Single(await Run(world));

        Assert.Equal(MailboxOutcome.Taken, outcome.Disposition);
        Assert.Equal("Processed", outcome.Folder);
        var file = Assert.Single(outcome.Files);
        Assert.True(file.IsAccepted);
        var received = Assert.Single(world.Get<ReceivedFileStore>().All());
        Assert.Equal((IncomingFile.Mailbox, $"{mail.MessageId}/0", "省审计厅3月报表.xlsx", "accepted", "U02", true),
            (received.Source, received.SourceRef, received.OriginalName, received.Outcome, received.UnitCode, received.IsFinished));
        Assert.Contains(world.Get<SubmissionStore>().InForce(March), s => s.UnitCode == "U02");
        var answer = Assert.Single(Outbox(world));
        Assert.Equal("receipt", answer.Kind);
        Assert.StartsWith("【回执】海南省审计厅2025年3月", answer.Subject);
        Assert.Contains(Liaison, answer.Recipients);
        Assert.Empty(await dovecot.MessagesAsync(user, "INBOX"));
        Assert.Single(await dovecot.MessagesAsync(user, "Processed"));
        var record = Assert.Single(world.Get<MailboxStore>().All());
        Assert.Equal((MailboxRecord.Done, "Processed", 1L, 1L), (record.Status, record.Destination, record.Files, record.Accepted));
    }

    [Fact]
    public async Task A_form_from_an_address_that_is_not_the_units_liaison_is_not_recorded_and_the_sender_is_told_why()
    {
        var (world, user) = World();
        using var _ = world;
        await dovecot.AppendAsync(user, TestMail.Bytes(TestMail.WithFiles("zhangsan@qq.com", "月报", ("月报.xlsx", world.FilledForm("U02", March)))));

        var outcome = Assert.Single(await Run(world));

        Assert.Equal("Rejected", outcome.Folder);
        Assert.Equal(IntakeOutcome.Rejected, Assert.Single(outcome.Files).Outcome);
        Assert.Empty(world.Get<SubmissionStore>().InForce(March));
        var answer = Assert.Single(Outbox(world));
        Assert.Equal(("rejection", "zhangsan@qq.com"), (answer.Kind, answer.Recipients));
        Assert.Contains("发件邮箱 zhangsan@qq.com 不是海南省审计厅登记的联络员邮箱", answer.Text);
        Assert.Single(await dovecot.MessagesAsync(user, "Rejected"));
        Assert.Empty(await dovecot.MessagesAsync(user, "INBOX"));
    }

    [Theory]
    [InlineData("plain", "邮件中没有附件")]
    [InlineData("inline-image", "邮件中只有插入正文的图片，没有附件")]
    [InlineData("forwarded", "转发的邮件中没有附件")]
    public async Task A_message_with_no_file_gets_a_rejection_that_says_how_to_attach_the_form(string shape, string said)
    {
        var (world, user) = World();
        using var _ = world;
        var mail = TestMail.Message("hkhg@example.gov.cn", "海口海关3月报表", "表格内容如下：A-001 序时推进 50%");
        if (shape == "inline-image")
        {
            var body = new BodyBuilder { HtmlBody = "<p>见截图</p><img src=\"cid:shot\">" };
            var image = body.LinkedResources.Add("screenshot.png", Png());
            image.ContentId = "shot";
            mail.Body = body.ToMessageBody();
        }
        if (shape == "forwarded")
            mail.Body = new Multipart("mixed") { mail.Body!, new MessagePart { Message = TestMail.Message("colleague@example.gov.cn", "月报", "我填好了") } };
        await dovecot.AppendAsync(user, TestMail.Bytes(mail));

        var outcome = Assert.Single(await Run(world));

        Assert.Equal((MailboxOutcome.NoAttachment, "Rejected"), (outcome.Disposition, outcome.Folder));
        Assert.Empty(world.Get<ReceivedFileStore>().All());
        var answer = Assert.Single(Outbox(world));
        Assert.Equal(("rejection", "hkhg@example.gov.cn"), (answer.Kind, answer.Recipients));
        Assert.StartsWith("【退回】", answer.Subject);
        Assert.StartsWith("中华人民共和国海口海关：", answer.Text);
        Assert.Contains(said, answer.Text);
        Assert.Contains("请将填写好的月报表（.xlsx）作为附件发送", answer.Text);
        Assert.Contains("“海口海关3月报表”", answer.Text);
        Assert.Single(await dovecot.MessagesAsync(user, "Rejected"));
    }

    [Fact]
    public async Task A_stranger_without_a_file_and_a_liaison_saying_thanks_for_a_notice_get_no_answer_but_a_reply_to_a_form_without_it_does()
    {
        var (world, user) = World();
        using var _ = world;
        var outbox = world.Get<OutboxStore>();
        outbox.Enqueue(new OutgoingMessage("briefing/monthly/2025-03/v1/unit/U03", "monthly-notice", "U03", [Recipient.Parse("hkhg@example.gov.cn")], "月通报", "<p>通报</p>", "通报", []));
        outbox.Enqueue(new OutgoingMessage("form/2025-03/U03", "form", "U03", [Recipient.Parse("hkhg@example.gov.cn")], "请填报", "<p>表</p>", "表", []));
        var builder = world.Get<MessageBuilder>();
        MimeMessage ReplyTo(string key, string text)
        {
            var reply = TestMail.Message("hkhg@example.gov.cn", "回复：" + key, text);
            reply.InReplyTo = builder.MessageIdFor(key);
            return reply;
        }
        await dovecot.AppendAsync(user, TestMail.Bytes(TestMail.Message("someone@example.com", "你好", "请问怎么报名？")));
        await dovecot.AppendAsync(user, TestMail.Bytes(ReplyTo("briefing/monthly/2025-03/v1/unit/U03", "收到，谢谢。")));
        await dovecot.AppendAsync(user, TestMail.Bytes(ReplyTo("form/2025-03/U03", "已填好，请查收。")));

        var outcomes = await Run(world);

        Assert.Equal([MailboxOutcome.NotAnswered, MailboxOutcome.NotAnswered, MailboxOutcome.NoAttachment], outcomes.Select(o => o.Disposition));
        var answer = Assert.Single(Outbox(world), m => m.Kind == "rejection");
        Assert.Equal("hkhg@example.gov.cn", answer.Recipients);
        Assert.Equal(3, (await dovecot.MessagesAsync(user, "Rejected")).Count);
    }

    [Fact]
    public void Everything_the_worker_sends_says_it_was_sent_automatically_so_auto_responders_do_not_answer()
    {
        var (world, _) = World();
        using var __ = world;
        var builder = world.Get<MessageBuilder>();
        MimeMessage Built(string kind) => MimeMessage.Load(new MemoryStream(builder.Build(
            new OutgoingMessage($"{kind}/1", kind, "U03", [Recipient.Parse("hkhg@example.gov.cn")], "s", "<p>h</p>", "t", []))), TestContext.Current.CancellationToken);

        Assert.Equal("auto-replied", Built("receipt").Headers["Auto-Submitted"]);
        Assert.Equal("auto-replied", Built("rejection").Headers["Auto-Submitted"]);
        Assert.Equal("auto-generated", Built("monthly-notice").Headers["Auto-Submitted"]);
        Assert.Equal("auto-generated", Built("reminder").Headers["Auto-Submitted"]);
    }

    [Fact]
    public async Task A_form_with_a_very_long_chinese_name_is_taken_in_and_keeps_its_whole_name_in_the_ledger()
    {
        var (world, user) = World();
        using var _ = world;
        var name = string.Concat(Enumerable.Repeat("海南省审计厅党建工作任务推进情况月报表", 5)) + ".xlsx";   // 95 characters, 275 bytes of UTF-8
        await dovecot.AppendAsync(user, TestMail.Bytes(TestMail.WithFiles(Liaison, "报表", (name, world.FilledForm("U02", March)))));

        var outcome = Assert.Single(await Run(world));

        Assert.True(Assert.Single(outcome.Files).IsAccepted);
        var received = Assert.Single(world.Get<ReceivedFileStore>().All());
        Assert.Equal(name, received.OriginalName);
        var archived = Path.GetFileName(received.ArchivePath);
        Assert.InRange(Encoding.UTF8.GetByteCount(archived), 1, 140);
        Assert.EndsWith("~.xlsx", archived);
        Assert.Single(await dovecot.MessagesAsync(user, "Processed"));
    }

    [Fact]
    public async Task Attachment_names_are_decoded_kept_as_names_only_and_never_used_as_paths()
    {
        var (world, user) = World();
        using var _ = world;
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var gbk = Encoding.GetEncoding("GB18030");
        var name = "省审计厅3月报表.xlsx";
        byte[] Form(string note) => world.FilledForm("U02", March, e => e.Text($"H{e.RowOf("C-001")}", $"按计划推进（{note}）。"));
        await dovecot.AppendAsync(user, TestMail.Bytes(TestMail.WithFiles(Liaison, "a", ("../../evil.xlsx", Form("一")))));
        await dovecot.AppendAsync(user, TestMail.HandWritten(Liaison, "b",
            Encoding.ASCII.GetBytes($"attachment; filename=\"=?GBK?B?{Convert.ToBase64String(gbk.GetBytes(name))}?=\""), Form("二")));
        await dovecot.AppendAsync(user, TestMail.HandWritten(Liaison, "c",
            Encoding.ASCII.GetBytes($"attachment; filename*=UTF-8''{Uri.EscapeDataString("附件：" + name)}"), Form("三")));
        await dovecot.AppendAsync(user, TestMail.HandWritten(Liaison, "d",
            [.. Encoding.ASCII.GetBytes("attachment; filename=\""), .. gbk.GetBytes("未编码" + name), (byte)'"'], Form("四")));
        await dovecot.AppendAsync(user, TestMail.HandWritten(Liaison, "e",
            Encoding.ASCII.GetBytes("attachment; filename=\"C:/Users/x/../../../etc/evil.xlsx\""), Form("五")));

        var outcomes = await Run(world);

        Assert.Equal(5, outcomes.Count);
        Assert.All(outcomes, o => Assert.True(Assert.Single(o.Files).IsAccepted));
        var received = world.Get<ReceivedFileStore>().All();
        Assert.Equal(["../../evil.xlsx", name, "附件：" + name, "未编码" + name, "C:/Users/x/../../../etc/evil.xlsx"], received.Select(r => r.OriginalName));
        var archive = world.Paths.Archive;
        Assert.All(received, r => Assert.True(File.Exists(Path.Combine(archive, r.ArchivePath)), r.ArchivePath));
        Assert.All(received, r => Assert.StartsWith(archive, Path.GetFullPath(Path.Combine(archive, r.ArchivePath))));
        // Everything the worker wrote is under its data folder (the registry files are the test's own).
        var outside = Directory.EnumerateFiles(world.Root, "*", SearchOption.AllDirectories)
            .Where(f => !f.StartsWith(world.Paths.Root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            .Select(Path.GetFileName);
        Assert.Equal(["tasks.xlsx", "units.xlsx"], outside.Order(StringComparer.Ordinal));
        Assert.False(File.Exists(Path.GetFullPath(Path.Combine(world.Paths.Root, "tmp", "mailbox", "../../evil.xlsx"))));
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(world.Paths.Root, "tmp"), "*", SearchOption.AllDirectories));
    }

    [Theory]
    [InlineData("MAILER-DAEMON")]
    [InlineData("postmaster")]
    [InlineData("multipart/report")]
    [InlineData("Auto-Submitted")]
    [InlineData("X-Autoreply")]
    [InlineData("Precedence")]
    public async Task Bounces_and_automatic_replies_are_kept_and_moved_but_never_answered(string kind)
    {
        var (world, user) = World();
        using var _ = world;
        // Each carries a real form, so "not answered" cannot come from finding nothing to take in.
        var form = ("省审计厅3月报表.xlsx", world.FilledForm("U02", March));
        var from = kind is "MAILER-DAEMON" or "postmaster" ? $"{kind}@mail.example.gov.cn" : Liaison;
        var mail = TestMail.WithFiles(from, "Undelivered Mail Returned to Sender / 自动回复", form);
        switch (kind)
        {
            case "multipart/report":
                var report = new MultipartReport("delivery-status") { new TextPart("plain") { Text = "Delivery failed" } };
                report.Add(new MessagePart { Message = TestMail.WithFiles(Liaison, "月报", form) });
                mail.Body = report;
                break;
            case "Auto-Submitted": mail.Headers.Add("Auto-Submitted", "auto-replied"); break;
            case "X-Autoreply": mail.Headers.Add("X-Autoreply", "yes"); break;
            case "Precedence": mail.Headers.Add("Precedence", "bulk"); break;
        }
        var raw = TestMail.Bytes(mail);
        await dovecot.AppendAsync(user, raw);

        var outcome = Assert.Single(await Run(world));

        Assert.Equal((MailboxOutcome.Automatic, "Rejected"), (outcome.Disposition, outcome.Folder));
        Assert.Empty(Outbox(world));
        Assert.Empty(world.Get<ReceivedFileStore>().All());
        var record = Assert.Single(world.Get<MailboxStore>().All());
        Assert.Equal(raw, File.ReadAllBytes(world.Get<Archive>().PathOf(record.ArchivePath)));
        Assert.Single(await dovecot.MessagesAsync(user, "Rejected"));
    }

    [Fact]
    public async Task An_auto_submitted_no_message_is_an_ordinary_message()
    {
        var (world, user) = World();
        using var _ = world;
        var mail = TestMail.WithFiles(Liaison, "月报", ("f.xlsx", world.FilledForm("U02", March)));
        mail.Headers.Add("Auto-Submitted", "no");
        await dovecot.AppendAsync(user, TestMail.Bytes(mail));

        Assert.Equal(MailboxOutcome.Taken, Assert.Single(await Run(world)).Disposition);
        Assert.Equal("receipt", Assert.Single(Outbox(world)).Kind);
    }

    [Fact]
    public async Task The_journal_keeps_looking_for_a_copy_the_relay_delivers_late_before_answering_not_arrived()
    {
        var (world, user) = World(new Dictionary<string, string?> { ["Intake:Mailbox:JournalWaitSeconds"] = "20", ["Mail:JournalAddress"] = "reports@example.gov.cn" });
        using var _ = world;
        world.Get<OutboxStore>().Enqueue(new OutgoingMessage("receipt/90", "receipt", "U02", [Recipient.Parse(Liaison)], "【回执】测试", "<p>已登记</p>", "已登记", []));
        using var c = world.Get<LedgerDatabase>().Open();
        var (id, mime) = c.QuerySingle<(string, byte[])>("SELECT o.message_id, m.mime FROM outbox o JOIN outbox_mime m ON m.outbox_id = o.id");

        var asking = world.Get<IDeliveryJournal>().HasArrivedAsync(id, TestContext.Current.CancellationToken);
        var search = $"HEADER Message-ID {id.Trim('<', '>')}";
        await dovecot.WaitForCommandsAsync(user, search, 1, TimeSpan.FromSeconds(60));   // it has looked once, and the copy was not there
        await dovecot.AppendAsync(user, mime);   // the relay's copy arrives while the journal is still looking

        Assert.True(await asking);
        // It found the copy by looking again, after the copy arrived.
        var commands = dovecot.CommandsOf(user);
        var appended = commands.ToList().FindIndex(cmd => cmd.StartsWith("APPEND", StringComparison.Ordinal));
        Assert.True(appended >= 0, string.Join(" | ", commands));
        Assert.Contains(commands.Take(appended), cmd => cmd.Contains(search, StringComparison.Ordinal));
        Assert.Contains(commands.Skip(appended), cmd => cmd.Contains(search, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_relays_copy_of_our_own_mail_goes_to_the_journal_folder_unanswered_and_the_journal_finds_it_by_message_id()
    {
        var (world, user) = World(new Dictionary<string, string?> { ["Mail:JournalAddress"] = "reports@example.gov.cn" });
        using var _ = world;
        world.Get<OutboxStore>().Enqueue(new OutgoingMessage("receipt/77", "receipt", "U02", [Recipient.Parse(Liaison)], "【回执】测试", "<p>已登记</p>", "已登记", []));
        using (var c = world.Get<LedgerDatabase>().Open())
        {
            var (id, mime) = c.QuerySingle<(string, byte[])>("SELECT o.message_id, m.mime FROM outbox o JOIN outbox_mime m ON m.outbox_id = o.id");
            await dovecot.AppendAsync(user, mime);   // what the relay drops in the mailbox
            var journal = world.Get<IDeliveryJournal>();
            Assert.IsType<MailboxJournal>(journal);
            Assert.True(await journal.HasArrivedAsync(id, CancellationToken.None));   // still in INBOX

            var outcome = Assert.Single(await Run(world));

            Assert.Equal((MailboxOutcome.Journal, "Sent"), (outcome.Disposition, outcome.Folder));
            Assert.True(await journal.HasArrivedAsync(id, CancellationToken.None));   // now in the journal folder
            Assert.True(await journal.HasArrivedAsync($"<{id}>", CancellationToken.None));
            Assert.False(await journal.HasArrivedAsync(world.Get<MessageBuilder>().MessageIdFor("receipt/78"), CancellationToken.None));
            Assert.False(await journal.HasArrivedAsync(id[1..], CancellationToken.None));   // a substring is not the id
        }
        Assert.Single(Outbox(world));   // only the message we queued: nothing answered
        Assert.Empty(world.Get<ReceivedFileStore>().All());
        Assert.Empty(world.Get<MailboxStore>().All());
        Assert.Empty(await dovecot.MessagesAsync(user, "INBOX"));
        Assert.Single(await dovecot.MessagesAsync(user, "Sent"));
    }

    [Fact]
    public async Task The_archived_message_is_byte_for_byte_what_was_delivered()
    {
        var (world, user) = World();
        using var _ = world;
        var raw = TestMail.Bytes(TestMail.WithFiles(Liaison, "省审计厅3月报表（含附件）", ("省审计厅3月报表.xlsx", world.FilledForm("U02", March))));
        await dovecot.AppendAsync(user, raw);
        Assert.Equal(raw, Assert.Single(await dovecot.MessagesAsync(user, "INBOX")));

        await Run(world);

        var record = Assert.Single(world.Get<MailboxStore>().All());
        Assert.StartsWith("mail" + Path.DirectorySeparatorChar, record.ArchivePath);
        Assert.Equal(raw, File.ReadAllBytes(world.Get<Archive>().PathOf(record.ArchivePath)));
        Assert.Equal(raw, Assert.Single(await dovecot.MessagesAsync(user, "Processed")));
    }

    [Fact]
    public async Task Running_twice_takes_nothing_the_second_time_and_a_second_delivery_of_the_same_message_is_only_moved()
    {
        var (world, user) = World();
        using var _ = world;
        var first = TestMail.Bytes(TestMail.WithFiles(Liaison, "月报", ("a.xlsx", world.FilledForm("U02", March))));
        await dovecot.AppendAsync(user, first);
        await dovecot.AppendAsync(user, TestMail.Bytes(TestMail.Message("hkhg@example.gov.cn", "没有附件")));

        Assert.Equal(2, (await Run(world)).Count);
        Assert.Empty(await Run(world));
        await dovecot.AppendAsync(user, first);   // the server delivered it again
        var again = Assert.Single(await Run(world));

        Assert.Equal((MailboxOutcome.AlreadyTaken, "Processed"), (again.Disposition, again.Folder));
        Assert.Single(world.Get<ReceivedFileStore>().All());
        Assert.Equal(2, Outbox(world).Count);
        Assert.Equal(2, world.Get<MailboxStore>().All().Count);
        Assert.Equal(2, (await dovecot.MessagesAsync(user, "Processed")).Count);
        Assert.Single(await dovecot.MessagesAsync(user, "Rejected"));
        Assert.Empty(await dovecot.MessagesAsync(user, "INBOX"));
    }

    [Fact]
    public async Task A_form_and_a_stray_image_each_get_their_own_answer_and_an_embedded_logo_gets_none()
    {
        var (world, user) = World();
        using var _ = world;
        var body = new BodyBuilder { HtmlBody = "<p>请查收</p><img src=\"cid:logo\">" };
        body.LinkedResources.Add("logo.png", Png()).ContentId = "logo";
        body.Attachments.Add("月报.xlsx", world.FilledForm("U02", March));
        body.Attachments.Add("照片.png", Png());
        var mail = TestMail.Message(Liaison, "月报");
        mail.Body = body.ToMessageBody();
        await dovecot.AppendAsync(user, TestMail.Bytes(mail));

        var outcome = Assert.Single(await Run(world));

        Assert.Equal("Processed", outcome.Folder);
        Assert.Equal(["月报.xlsx", "照片.png"], world.Get<ReceivedFileStore>().All().Select(r => r.OriginalName));
        Assert.Equal([true, false], outcome.Files.Select(f => f.IsAccepted));
        Assert.Equal(["receipt", "rejection"], Outbox(world).Select(m => m.Kind));
    }

    private (TestWorld World, string User) World(Dictionary<string, string?>? extra = null)
    {
        dovecot.Require();
        var user = dovecot.NewUser();
        var settings = dovecot.Settings(user);
        foreach (var (k, v) in extra ?? []) settings[k] = v;
        var world = new TestWorld(settings);
        world.ImportSmallRegistry();
        return (world, user);
    }

    private static async Task<IReadOnlyList<MailboxOutcome>> Run(TestWorld world) =>
        await world.Get<MailboxIntake>().ProcessAsync(CancellationToken.None);

    internal static IReadOnlyList<(string Kind, string Recipients, string Subject, string Text)> Outbox(TestWorld world)
    {
        using var c = world.Get<LedgerDatabase>().Open();
        return c.Query<(string Kind, string Recipients, string Subject, byte[] Mime)>("SELECT o.kind, o.recipients, o.subject, m.mime FROM outbox o JOIN outbox_mime m ON m.outbox_id = o.id ORDER BY o.id")
            .Select(r => (r.Kind, r.Recipients, r.Subject, MimeMessage.Load(new MemoryStream(r.Mime)).TextBody ?? ""))
            .ToArray();
    }

    // A 1×1 PNG: what a signature logo or a phone screenshot looks like to the sniffer.
    private static byte[] Png() => Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");
}
