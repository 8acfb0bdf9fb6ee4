using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MimeKit;
using ReportWorker.Intake;
using ReportWorker.Ledger;
using ReportWorker.Periods;
using ReportWorker.Tests.Support;

namespace ReportWorker.Tests.Intake;

/// <summary>
/// Authenticated senders against a real Dovecot: the receiving server (authserv-id mx.test) stamped its SPF/DKIM/DMARC
/// verdict on top of each message, as the tests write it; the intake believes only that server and only its topmost headers.
/// </summary>
public class MailboxSenderTests(DovecotServer dovecot) : IClassFixture<DovecotServer>
{
    private const string Liaison = "ssjt@example.gov.cn";   // 省审计厅 (U02): ssjt@ and ssjt.dj@
    private const string Office = "gongwei-office@example.gov.cn";
    private static readonly ReportMonth March = new(2025, 3);

    [Fact]
    public async Task A_form_whose_dmarc_failed_at_the_trusted_server_is_not_recorded_and_the_registered_liaisons_and_the_office_are_told_not_the_sender()
    {
        var (world, user) = World();
        using var _ = world;
        var mail = Form(world, "mx.test; spf=fail smtp.mailfrom=example.gov.cn; dkim=none; dmarc=fail (p=reject) header.from=example.gov.cn");
        mail.ReplyTo.Add(MailboxAddress.Parse("attacker@evil.example"));
        var raw = TestMail.Bytes(mail);
        await dovecot.AppendAsync(user, raw);

        var outcome = Assert.Single(await Run(world));

        Assert.Equal((MailboxOutcome.SenderUnverified, "Rejected"), (outcome.Disposition, outcome.Folder));
        Assert.Empty(outcome.Files);
        Assert.Empty(world.Get<ReceivedFileStore>().All());
        Assert.Empty(world.Get<SubmissionStore>().InForce(March));
        Assert.Equal(0, Count(world, "entries"));
        var notice = Assert.Single(MailboxIntakeTests.Outbox(world));
        Assert.Equal("rejection", notice.Kind);
        Assert.Equal($"{Liaison}, ssjt.dj@example.gov.cn, {Office}", notice.Recipients);
        Assert.StartsWith("【退回】海南省审计厅来信的发件人未通过验证", notice.Subject);
        Assert.Contains("发件人未通过验证：收件服务器 mx.test 记录的验证结果为 SPF=fail（smtp.mailfrom=example.gov.cn）；DKIM=none；DMARC=fail（header.from=example.gov.cn）", notice.Text);
        Assert.Contains("使用本单位登记的联络员邮箱（ssjt@example.gov.cn、ssjt.dj@example.gov.cn）直接发送", notice.Text);
        Assert.Contains("邮件系统管理员检查发信域名 example.gov.cn 的 SPF 记录和 DKIM 签名", notice.Text);
        // The message itself is kept byte for byte, as every message is.
        var record = Assert.Single(world.Get<MailboxStore>().All());
        Assert.Equal(raw, File.ReadAllBytes(world.Get<Archive>().PathOf(record.ArchivePath)));
        Assert.Single(await dovecot.MessagesAsync(user, "Rejected"));
    }

    [Fact]
    public async Task The_same_form_with_dmarc_pass_is_taken_in()
    {
        var (world, user) = World();
        using var _ = world;
        await dovecot.AppendAsync(user, TestMail.Bytes(Form(world, "mx.test; spf=pass smtp.mailfrom=example.gov.cn; dkim=pass header.d=example.gov.cn; dmarc=pass header.from=example.gov.cn")));

        var outcome = Assert.Single(await Run(world));

        Assert.Equal((MailboxOutcome.Taken, "Processed"), (outcome.Disposition, outcome.Folder));
        Assert.True(Assert.Single(outcome.Files).IsAccepted);
        Assert.Contains(world.Get<SubmissionStore>().InForce(March), s => s.UnitCode == "U02");
        var receipt = Assert.Single(MailboxIntakeTests.Outbox(world));
        Assert.Equal(("receipt", $"{Liaison}, ssjt.dj@example.gov.cn"), (receipt.Kind, receipt.Recipients));
    }

    [Theory]
    // Another server's verdict above the trusted one's changes nothing.
    [InlineData(false, "evil.example; dmarc=pass header.from=example.gov.cn", "mx.test; dmarc=fail header.from=example.gov.cn")]
    // A forged fail from another server does not spoil the trusted server's pass.
    [InlineData(true, "mx.test; dmarc=pass header.from=example.gov.cn", "evil.example; dmarc=fail header.from=example.gov.cn")]
    // DKIM passed for a subdomain of the From domain: aligned.
    [InlineData(true, "mx.test; spf=none; dkim=pass header.d=mail.example.gov.cn header.s=s2025; dmarc=none header.from=example.gov.cn")]
    // SPF passed, but for a mail-out service's envelope sender, and there is no DMARC: not aligned.
    [InlineData(false, "mx.test; spf=pass smtp.mailfrom=bounces+123@mailer.other.cn; dkim=none")]
    public async Task Only_the_trusted_servers_aligned_pass_lets_a_form_in(bool accepted, params string[] headers)
    {
        var (world, user) = World();
        using var _ = world;
        await dovecot.AppendAsync(user, TestMail.Bytes(Form(world, headers)));

        var outcome = Assert.Single(await Run(world));

        Assert.Equal(accepted ? MailboxOutcome.Taken : MailboxOutcome.SenderUnverified, outcome.Disposition);
        Assert.Equal(accepted, world.Get<SubmissionStore>().InForce(March).Any(s => s.UnitCode == "U02"));
        Assert.Equal(accepted ? "receipt" : "rejection", Assert.Single(MailboxIntakeTests.Outbox(world)).Kind);
    }

    [Fact]
    public async Task A_trusted_verdict_a_sender_wrote_into_the_message_below_the_servers_own_is_not_believed()
    {
        var (world, user) = World();
        using var _ = world;
        var mail = Form(world, "mx.test; spf=fail smtp.mailfrom=example.gov.cn");
        // What the sender put in before sending sits below the receiving server's Received line: a DMARC pass the server never gave.
        mail.Headers.Add(HeaderId.AuthenticationResults, "mx.test; dmarc=pass header.from=example.gov.cn");
        await dovecot.AppendAsync(user, TestMail.Bytes(mail));

        Assert.Equal(MailboxOutcome.SenderUnverified, Assert.Single(await Run(world)).Disposition);
        Assert.Empty(world.Get<SubmissionStore>().InForce(March));
    }

    [Fact]
    public async Task An_unverified_form_from_an_address_nobody_registered_is_not_answered_at_all()
    {
        var (world, user) = World();
        using var _ = world;
        var mail = Stamp(TestMail.WithFiles("zhangsan@qq.com", "月报", ("月报.xlsx", world.FilledForm("U02", March))), "mx.test; dmarc=fail header.from=qq.com");
        await dovecot.AppendAsync(user, TestMail.Bytes(mail));

        var outcome = Assert.Single(await Run(world));

        Assert.Equal((MailboxOutcome.SenderUnverified, "Rejected"), (outcome.Disposition, outcome.Folder));
        Assert.Empty(MailboxIntakeTests.Outbox(world));
        Assert.Empty(world.Get<ReceivedFileStore>().All());
    }

    [Fact]
    public async Task Under_warn_an_unverified_form_is_taken_in_with_a_logged_warning_and_the_receipt_says_nothing_of_it()
    {
        var log = new LogCapture();
        var (world, user) = World(new() { ["Intake:Mailbox:SenderPolicy"] = "Warn" }, log);
        using var _ = world;
        await dovecot.AppendAsync(user, TestMail.Bytes(Form(world, "mx.test; dmarc=fail header.from=example.gov.cn")));

        var outcome = Assert.Single(await Run(world));

        Assert.Equal(MailboxOutcome.Taken, outcome.Disposition);
        Assert.Contains(world.Get<SubmissionStore>().InForce(March), s => s.UnitCode == "U02");
        var warning = Assert.Single(log.Of("SenderUnverifiedAccepted", LogLevel.Warning));
        Assert.Contains("ssjt@example.gov.cn is not verified by mx.test", warning);
        var receipt = Assert.Single(MailboxIntakeTests.Outbox(world));
        Assert.Equal("receipt", receipt.Kind);
        Assert.DoesNotContain("验证", receipt.Text);
    }

    private (TestWorld World, string User) World(Dictionary<string, string?>? extra = null, LogCapture? log = null)
    {
        dovecot.Require();
        var user = dovecot.NewUser();
        var settings = dovecot.Settings(user);
        settings["Intake:Mailbox:AuthServId"] = "mx.test";
        foreach (var (k, v) in extra ?? []) settings[k] = v;
        var world = new TestWorld(settings, services: log is null ? null : s => s.AddSingleton<ILoggerProvider>(log));
        world.ImportSmallRegistry();
        return (world, user);
    }

    /// <summary>The liaison's March form, as it left the receiving server with its verdict on top.</summary>
    private static MimeMessage Form(TestWorld world, params string[] authenticationResults) =>
        Stamp(TestMail.WithFiles(Liaison, "省审计厅3月报表", ("省审计厅3月报表.xlsx", world.FilledForm("U02", March))), authenticationResults);

    /// <summary>What the receiving server adds on top: its Received line, and above it its Authentication-Results, first given topmost.</summary>
    private static MimeMessage Stamp(MimeMessage mail, params string[] authenticationResults)
    {
        mail.Headers.Insert(0, new Header(HeaderId.Received, "from mail.example.gov.cn (mail.example.gov.cn [10.1.1.1]) by mx.test (Postfix) with ESMTPS id 4ZxY; Thu, 3 Apr 2025 09:30:02 +0800"));
        foreach (var header in authenticationResults.Reverse()) mail.Headers.Insert(0, new Header(HeaderId.AuthenticationResults, header));
        return mail;
    }

    private static long Count(TestWorld world, string table)
    {
        using var c = world.Get<LedgerDatabase>().Open();
        return c.ExecuteScalar<long>($"SELECT COUNT(*) FROM {table}");
    }

    private static async Task<IReadOnlyList<MailboxOutcome>> Run(TestWorld world) =>
        await world.Get<MailboxIntake>().ProcessAsync(CancellationToken.None);
}
