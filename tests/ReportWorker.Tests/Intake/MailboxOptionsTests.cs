using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ReportWorker.Cli;
using ReportWorker.Delivery;
using ReportWorker.Intake;
using ReportWorker.Tests.Support;

namespace ReportWorker.Tests.Intake;

/// <summary>
/// Mailbox settings that would leak the password, or could not verify senders as asked, stop start-up with a message naming
/// the key; a mailbox whose senders are not verified is warned about at start-up and in <c>jobs</c>.
/// </summary>
public sealed class MailboxOptionsTests
{
    [Fact]
    public void Plain_imap_to_a_host_other_than_this_machine_is_refused()
    {
        using var world = new TestWorld(Settings("imap.example.gov.cn", "None"));

        var ex = Assert.Throws<OptionsValidationException>(() => world.Get<IOptions<MailboxOptions>>().Value);

        Assert.Contains("Intake:Mailbox:Security 为 None，但邮箱服务器 imap.example.gov.cn 不在本机", ex.Message);
    }

    [Theory]
    [InlineData("imap.example.gov.cn", "StartTls")]
    [InlineData("imap.example.gov.cn", "SslOnConnect")]
    [InlineData("127.0.0.1", "None")]
    [InlineData("localhost", "None")]
    [InlineData("::1", "None")]
    public void Tls_or_a_loopback_host_is_accepted(string host, string security)
    {
        using var world = new TestWorld(Settings(host, security));
        Assert.Equal(host, world.Get<IOptions<MailboxOptions>>().Value.Host);
    }

    [Fact]
    public void A_password_written_into_a_settings_file_is_refused()
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("rw-settings-").FullName, "appsettings.json");
        File.WriteAllText(file, """{ "Intake": { "Mailbox": { "Host": "imap.example.gov.cn", "UserName": "r", "Password": "secret" } } }""");
        var configuration = new ConfigurationBuilder().AddJsonFile(file).Build();
        var options = configuration.GetSection(MailboxOptions.SectionName).Get<MailboxOptions>()!;

        var result = new MailboxOptionsValidator(configuration).Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains("Intake:Mailbox:Password 写在了 ", result.FailureMessage);
        Assert.Contains("Intake__Mailbox__Password", result.FailureMessage);
        Directory.Delete(Path.GetDirectoryName(file)!, recursive: true);
    }

    [Fact]
    public async Task Without_a_mailbox_host_intake_is_off_and_there_is_no_journal_to_ask()
    {
        using var world = new TestWorld();

        Assert.False(world.Get<MailboxIntake>().Enabled);
        Assert.False(Assert.IsType<MailboxJournal>(world.Get<IDeliveryJournal>()).IsConfigured);
        Assert.Null(await world.Get<IDeliveryJournal>().HasArrivedAsync("x.reportworker@example.gov.cn", CancellationToken.None));
        Assert.Empty(await world.Get<MailboxIntake>().ProcessAsync(CancellationToken.None));
    }

    [Theory]
    [InlineData("Require", "", "Intake:Mailbox:SenderPolicy 为 Require，但 Intake:Mailbox:AuthServId 为空")]
    [InlineData(null, "mx.example.gov.cn; dkim=pass", "Intake:Mailbox:AuthServId 应为收信服务器的 authserv-id")]
    public void A_sender_check_that_cannot_work_is_refused_naming_the_key(string? policy, string authServId, string said)
    {
        var settings = Settings("imap.example.gov.cn", "SslOnConnect");
        settings["Intake:Mailbox:SenderPolicy"] = policy;
        settings["Intake:Mailbox:AuthServId"] = authServId;
        using var world = new TestWorld(settings);

        var ex = Assert.Throws<OptionsValidationException>(() => world.Get<IOptions<MailboxOptions>>().Value);

        Assert.Contains(said, ex.Message);
    }

    [Fact]
    public void A_sender_policy_that_is_not_one_of_the_three_names_the_key()
    {
        var settings = Settings("imap.example.gov.cn", "SslOnConnect");
        settings["Intake:Mailbox:SenderPolicy"] = "Strict";
        using var world = new TestWorld(settings);

        var ex = Assert.Throws<InvalidOperationException>(() => world.Get<IOptions<MailboxOptions>>().Value);

        Assert.Contains("Intake:Mailbox:SenderPolicy", ex.Message);
    }

    [Theory]
    [InlineData("", null, SenderPolicy.Warn, false)]
    [InlineData("mx.example.gov.cn", "", SenderPolicy.Require, true)]   // as appsettings.json ships it: "SenderPolicy": ""
    [InlineData("mx.example.gov.cn", null, SenderPolicy.Require, true)]
    [InlineData("mx.example.gov.cn", "Warn", SenderPolicy.Warn, true)]
    [InlineData("mx.example.gov.cn", "Off", SenderPolicy.Off, false)]
    public void The_sender_policy_is_require_when_a_server_is_named_and_warn_when_none_is(string authServId, string? policy, SenderPolicy effective, bool verifies)
    {
        var settings = Settings("imap.example.gov.cn", "SslOnConnect");
        settings["Intake:Mailbox:AuthServId"] = authServId;
        settings["Intake:Mailbox:SenderPolicy"] = policy;
        using var world = new TestWorld(settings);

        var o = world.Get<IOptions<MailboxOptions>>().Value;

        Assert.Equal((effective, verifies), (o.EffectiveSenderPolicy, o.VerifiesSenders));
    }

    [Fact]
    public async Task Without_an_authserv_id_start_up_warns_that_senders_are_not_verified_and_jobs_says_so()
    {
        var log = new LogCapture();
        using var world = new TestWorld(Settings("imap.example.gov.cn", "SslOnConnect"), services: s => s.AddSingleton<ILoggerProvider>(log));

        foreach (var service in world.Get<IEnumerable<IHostedService>>().OfType<IHostedLifecycleService>())
            await service.StartedAsync(CancellationToken.None);
        var jobs = JobsCommands.Render(world.Get<IServiceProvider>());

        Assert.Single(log.Of("SettingsWarning", LogLevel.Warning), w => w.Contains("未设置 Intake:Mailbox:AuthServId", StringComparison.Ordinal));
        Assert.Contains("注意：未设置 Intake:Mailbox:AuthServId，收件邮箱中报表的发件人不经核验（SPF/DKIM/DMARC）", jobs);
    }

    [Theory]
    [InlineData("imap.example.gov.cn", "mx.example.gov.cn")]   // verified
    [InlineData("", "")]                                       // no mailbox: nothing to verify
    public async Task With_an_authserv_id_or_without_a_mailbox_there_is_no_such_warning(string host, string authServId)
    {
        var log = new LogCapture();
        var settings = Settings(host, "SslOnConnect");
        settings["Intake:Mailbox:AuthServId"] = authServId;
        using var world = new TestWorld(settings, services: s => s.AddSingleton<ILoggerProvider>(log));

        foreach (var service in world.Get<IEnumerable<IHostedService>>().OfType<IHostedLifecycleService>())
            await service.StartedAsync(CancellationToken.None);

        Assert.DoesNotContain(log.Of("SettingsWarning", LogLevel.Warning), w => w.Contains("AuthServId", StringComparison.Ordinal));
        Assert.DoesNotContain("AuthServId", JobsCommands.Render(world.Get<IServiceProvider>()));
    }

    private static Dictionary<string, string?> Settings(string host, string security) => new()
    {
        ["Intake:Mailbox:Host"] = host,
        ["Intake:Mailbox:Security"] = security,
        ["Intake:Mailbox:UserName"] = "reports",
    };
}
