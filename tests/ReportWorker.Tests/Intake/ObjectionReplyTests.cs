using MimeKit;
using ReportWorker.Assessment;
using ReportWorker.Delivery;
using ReportWorker.Intake;
using ReportWorker.Periods;
using ReportWorker.Tests.Support;

namespace ReportWorker.Tests.Intake;

/// <summary>
/// Replies to a draft 考核反馈单 against a real Dovecot and a real SMTP server: the 2025 draft is issued on
/// 15 January 2026 and delivered over SMTP; the liaisons' replies are appended to the worker's mailbox as their
/// mail clients would send them; the office's copy and the acknowledgement are read back from the SMTP server.
/// </summary>
public class ObjectionReplyTests(DovecotServer dovecot) : IClassFixture<DovecotServer>
{
    private const string Office = "gongwei-office@example.gov.cn";
    private const string Audit = "ssjt@example.gov.cn";        // 省审计厅 (U02), one of its two liaisons
    private const string Customs = "hkhg@example.gov.cn";      // 海口海关 (U03)

    private const string Objection = """
        对“按时报送”一项扣分有异议：我厅2025年3月报表已于4月3日通过邮件报送，当时收到了退回通知，4月9日重新报送。
        请核实后不予扣分。佐证：4月3日的发送记录。

        李海燕
        海南省审计厅机关党委
        """;

    [Fact]
    public async Task A_reply_to_the_draft_slip_is_recorded_once_forwarded_to_the_office_with_its_text_and_acknowledged_without_a_rejection()
    {
        await using var w = await DraftWorld.Create(dovecot);
        var slip = w.SlipTo(Audit);
        var reply = w.Reply(slip, Audit, Objection + Quoted(slip));
        var raw = TestMail.Bytes(reply);
        await w.Append(raw);

        var outcome = Assert.Single(await w.Run());

        Assert.Equal((MailboxOutcome.Objection, "Processed", 1L), (outcome.Disposition, outcome.Folder, outcome.ObjectionId));
        var recorded = Assert.Single(w.Objections());
        Assert.Equal((2025L, "U02", Audit, reply.Subject, $"mailbox:{reply.MessageId}"), (recorded.Year, recorded.UnitCode, recorded.Sender, recorded.Subject, recorded.SourceRef));
        Assert.Equal(Objection.ReplaceLineEndings("\n").Trim(), recorded.Body);   // the quoted slip trimmed off
        Assert.Empty(w.World.Get<ReceivedFileStore>().All());
        var archived = Assert.Single(w.World.Get<MailboxStore>().All());
        Assert.Equal(raw, File.ReadAllBytes(w.World.Get<Archive>().PathOf(archived.ArchivePath)));

        await w.Deliver();
        var office = Assert.Single(w.Sent(ObjectionComposer.OfficeKind));
        Assert.Equal([Office], office.To);
        Assert.Equal("【考核异议】海南省审计厅对2025年度考核初步结果提出异议（第1号）", office.Message.Subject);
        var text = office.Message.TextBody;
        Assert.Contains("单位：海南省审计厅（U02）", text);
        Assert.Contains($"发件人：李海燕 <{Audit}>", text);
        Assert.Contains("收到时间：2026年1月16日 10:00", text);
        Assert.Contains("异议期限：2026年1月26日。本异议在期限内收到。", text);   // 25 January 2026 is a Sunday
        Assert.Contains("直接回复了该单位的考核反馈单邮件", text);
        Assert.Contains("我厅2025年3月报表已于4月3日通过邮件报送", text);
        Assert.DoesNotContain("贵单位2025年度党建工作考核初步结果", text);
        Assert.Contains("import assessment FILE --year 2025", text);
        Assert.Contains("assessment final --year 2025 --send", text);
        var original = Assert.IsType<MessagePart>(Assert.Single(office.Message.Attachments));
        Assert.Equal(reply.MessageId, original.Message!.MessageId);
        Assert.Contains("原始邮件", original.Message.TextBody);   // the whole reply, history and all
        var ack = Assert.Single(w.Sent(ObjectionComposer.AcknowledgementKind));
        Assert.Equal([Audit], ack.To);
        Assert.Contains("收到异议，已转省委省直机关工委办公室", ack.Message.TextBody);
        Assert.DoesNotContain("退回", ack.Message.Subject + ack.Message.TextBody + ack.Message.HtmlBody);
        Assert.Empty(w.Sent("rejection"));
        Assert.Equal("auto-replied", ack.Message.Headers["Auto-Submitted"]);   // an answer to a person (RFC 3834), and an auto-responder at the unit stays quiet
        TestContext.Current.TestOutputHelper?.WriteLine($"== {office.Message.Subject}\n{text}\n== {ack.Message.Subject}\n{ack.Message.TextBody}");

        // Read again: nothing in the folder; the same message delivered again; the same message with a relay's extra header.
        Assert.Empty(await w.Run());
        await w.Append(raw);
        Assert.Equal(MailboxOutcome.AlreadyTaken, Assert.Single(await w.Run()).Disposition);
        await w.Append([.. "Received: from relay2.example.gov.cn by mx.example.gov.cn; Fri, 16 Jan 2026 10:05:00 +0800\r\n"u8, .. raw]);
        var again = Assert.Single(await w.Run());
        Assert.Equal((MailboxOutcome.Objection, "Processed", (long?)null), (again.Disposition, again.Folder, again.ObjectionId));
        Assert.Single(w.Objections());
        await w.Deliver();
        Assert.Single(w.Sent(ObjectionComposer.OfficeKind));
        Assert.Single(w.Sent(ObjectionComposer.AcknowledgementKind));
        Assert.Equal(3, (await dovecot.MessagesAsync(w.User, "Processed")).Count);
        Assert.Empty(await dovecot.MessagesAsync(w.User, "Rejected"));
    }

    [Fact]
    public async Task A_reply_to_the_slip_from_someone_who_is_not_a_liaison_counts_for_the_slips_unit_the_office_is_warned_and_the_liaisons_copied()
    {
        await using var w = await DraftWorld.Create(dovecot);
        await w.Append(TestMail.Bytes(w.Reply(w.SlipTo(Audit), "dangwei@ssjt.example.gov.cn", "我是机关党委书记，对扣分有异议。")));

        Assert.Equal(MailboxOutcome.Objection, Assert.Single(await w.Run()).Disposition);

        Assert.Equal(("U02", "dangwei@ssjt.example.gov.cn"), (Assert.Single(w.Objections()).UnitCode, w.Objections()[0].Sender));
        await w.Deliver();
        Assert.Contains("（注意：不是该单位登记的联络员；登记的联络员：李海燕 <ssjt@example.gov.cn>、张伟 <ssjt.dj@example.gov.cn>）",
            Assert.Single(w.Sent(ObjectionComposer.OfficeKind)).Message.TextBody);
        Assert.Equal(["dangwei@ssjt.example.gov.cn", Audit, "ssjt.dj@example.gov.cn"], Assert.Single(w.Sent(ObjectionComposer.AcknowledgementKind)).To);
    }

    [Fact]
    public async Task Without_reply_headers_a_liaisons_mail_about_the_assessment_is_an_objection_while_the_draft_is_open_and_other_mail_is_answered_as_before()
    {
        await using var w = await DraftWorld.Create(dovecot);
        await w.Append(TestMail.Bytes(TestMail.Message(Customs, "关于海口海关2025年度考核结果的异议", "“督办事项整改”一项的扣分有误，B-001已于12月完成。")));
        await w.Append(TestMail.Bytes(TestMail.Message("zhangsan@qq.com", "对考核结果的异议", "我有意见。")));
        await w.Append(TestMail.Bytes(TestMail.Message("swbgt@example.gov.cn", "省委办公厅12月报表", "请查收。")));

        var outcomes = await w.Run();

        Assert.Equal([MailboxOutcome.Objection, MailboxOutcome.NotAnswered, MailboxOutcome.NoAttachment], outcomes.Select(o => o.Disposition));
        var recorded = Assert.Single(w.Objections());
        Assert.Equal(("U03", Customs, "“督办事项整改”一项的扣分有误，B-001已于12月完成。"), (recorded.UnitCode, recorded.Sender, recorded.Body));
        await w.Deliver();
        var office = Assert.Single(w.Sent(ObjectionComposer.OfficeKind));
        Assert.Contains("中华人民共和国海口海关对2025年度党建工作考核初步结果提出异议", office.Message.TextBody);
        Assert.Contains("邮件主题含“考核反馈单”或“考核”“异议”，发件人是该单位联络员", office.Message.TextBody);
        Assert.Equal([Customs], Assert.Single(w.Sent(ObjectionComposer.AcknowledgementKind)).To);
        // The ordinary mail without a file still gets the usual answer on how to attach the form.
        var rejection = Assert.Single(w.Sent("rejection"));
        Assert.Equal(["swbgt@example.gov.cn"], rejection.To);
        Assert.StartsWith("【退回】来信未附月报表", rejection.Message.Subject);

        // Once the final result is out, the subject alone no longer makes an objection; a reply to the slip still does.
        w.World.Get<AssessmentService>().Final(2025, force: true);
        await w.Append(TestMail.Bytes(TestMail.Message("swbgt@example.gov.cn", "考核反馈单有异议", "请核实。")));
        var slip = w.SlipTo(Audit);
        await w.Append(TestMail.Bytes(w.Reply(slip, "ssjt.dj@example.gov.cn", "补充异议：见附件。")));
        Assert.Equal([MailboxOutcome.NoAttachment, MailboxOutcome.Objection], (await w.Run()).Select(o => o.Disposition));
        Assert.Equal(["U03", "U02"], w.Objections().Select(o => o.UnitCode));
        await w.Deliver();
        var afterFinal = w.Sent(ObjectionComposer.OfficeKind).Last().Message.TextBody;
        Assert.Contains("注意：2025年度考核最终结果已于2026年1月16日 10:00印发", afterFinal);
        Assert.Contains("assessment final --year 2025 --reissue --send", afterFinal);
    }

    [Fact]
    public async Task A_reply_with_a_form_and_evidence_takes_the_form_in_records_the_text_and_rejects_no_evidence_and_a_late_one_says_so()
    {
        await using var w = await DraftWorld.Create(dovecot);
        w.World.SetLocalTime(2026, 1, 27, 9, 0);   // the day after the deadline
        var slip = w.SlipTo(Audit);
        var reply = w.Reply(slip, Audit, "12月报表已补报，见附件；扣分依据的截图也附上。");
        var body = new BodyBuilder { TextBody = reply.TextBody };
        body.Attachments.Add("省审计厅12月报表.xlsx", w.World.FilledForm("U02", new ReportMonth(2025, 12)));
        body.Attachments.Add("发送记录截图.png", Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="));
        body.Attachments.Add("情况说明.pdf", "%PDF-1.4\n%说明\n"u8.ToArray());
        reply.Body = body.ToMessageBody();
        var autoReply = w.Reply(w.SlipTo(Customs), Customs, "我正在休假，1月30日回来。");
        autoReply.Headers.Add("Auto-Submitted", "auto-replied");
        await w.Append(TestMail.Bytes(reply));
        await w.Append(TestMail.Bytes(autoReply));

        var outcomes = await w.Run();

        Assert.Equal([MailboxOutcome.Taken, MailboxOutcome.Automatic], outcomes.Select(o => o.Disposition));
        Assert.True(Assert.Single(outcomes[0].Files).IsAccepted);
        Assert.Equal(1L, outcomes[0].ObjectionId);
        Assert.Equal(["省审计厅12月报表.xlsx"], w.World.Get<ReceivedFileStore>().All().Select(r => r.OriginalName));
        Assert.Equal("12月报表已补报，见附件；扣分依据的截图也附上。", Assert.Single(w.Objections()).Body);
        await w.Deliver();
        Assert.Single(w.Sent("receipt"));
        Assert.Empty(w.Sent("rejection"));
        var office = Assert.Single(w.Sent(ObjectionComposer.OfficeKind)).Message;
        Assert.StartsWith("【考核异议·逾期】", office.Subject);
        Assert.Contains("本异议在期限之后收到（逾期）", office.TextBody);
        Assert.Contains("佐证材料 2 个，在原邮件中：发送记录截图.png、情况说明.pdf。", office.TextBody);
        Assert.Contains("邮件还附有报表 省审计厅12月报表.xlsx，已按月报表处理", office.TextBody);
        var ack = Assert.Single(w.Sent(ObjectionComposer.AcknowledgementKind)).Message.TextBody;
        Assert.Contains("连同所附 2 个材料和邮件原文一并转", ack);
        Assert.Contains("在异议期限（2026年1月26日）之后收到", ack);
        Assert.Contains("所附的 1 个报表已按月报表另行处理", ack);
    }

    private static string Quoted(ReceivedMail slip) =>
        $"\n\n------------------ 原始邮件 ------------------\n发件人: \"省委省直机关工委办公室\"<dangjian-report@example.gov.cn>\n发送时间: 2026年1月15日(星期四) 上午9:00\n" +
        $"收件人: \"李海燕\"<{Audit}>\n主题: {slip.Message.Subject}\n\n{slip.Message.TextBody}";

    /// <summary>A small province whose 2025 draft went out on 15 January 2026 through a real SMTP server; the mailbox is a fresh Dovecot user.</summary>
    private sealed class DraftWorld : IAsyncDisposable
    {
        private readonly DovecotServer _dovecot;
        private readonly SmtpTestServer _smtp;

        private DraftWorld(DovecotServer dovecot, SmtpTestServer smtp, TestWorld world, string user) => (_dovecot, _smtp, World, User) = (dovecot, smtp, world, user);

        public TestWorld World { get; }
        public string User { get; }

        public static async Task<DraftWorld> Create(DovecotServer dovecot)
        {
            dovecot.Require();
            var user = dovecot.NewUser();
            var smtp = new SmtpTestServer();
            var settings = dovecot.Settings(user);
            foreach (var (k, v) in smtp.Settings()) settings[k] = v;
            var world = new TestWorld(settings);
            var w = new DraftWorld(dovecot, smtp, world, user);
            world.ImportSmallRegistry();
            world.SetLocalTime(2026, 1, 15, 9, 0);
            world.Get<AssessmentPublisher>().Draft(2025);
            await w.Deliver();
            world.SetLocalTime(2026, 1, 16, 10, 0);
            return w;
        }

        public ReceivedMail SlipTo(string address) => Assert.Single(_smtp.Received, r => r.Kind == "assessment-draft" && r.To.Contains(address));

        /// <summary>What a mail client sends when the liaison presses 回复 on the slip.</summary>
        public MimeMessage Reply(ReceivedMail slip, string from, string text)
        {
            var reply = TestMail.Message(from, "回复：" + slip.Message.Subject, text);
            reply.From.Clear();
            reply.From.Add(new MailboxAddress(from == Audit ? "李海燕" : "", from));
            reply.Date = World.Clock.GetUtcNow();
            reply.InReplyTo = slip.Message.MessageId;
            reply.References.Add(slip.Message.MessageId!);
            return reply;
        }

        public Task Append(byte[] raw) => _dovecot.AppendAsync(User, raw);

        public async Task<IReadOnlyList<MailboxOutcome>> Run() => await World.Get<MailboxIntake>().ProcessAsync(CancellationToken.None);

        public async Task Deliver() => await World.Get<OutboxSender>().DeliverDueAsync(CancellationToken.None);

        public IReadOnlyList<ReceivedMail> Sent(string kind) => _smtp.Received.Where(r => r.Kind == kind).ToArray();

        public IReadOnlyList<AssessmentObjection> Objections() => World.Get<AssessmentObjections>().For(2025);

        public async ValueTask DisposeAsync()
        {
            World.Dispose();
            await _smtp.DisposeAsync();
        }
    }
}
