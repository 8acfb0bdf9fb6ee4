using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using ReportWorker.Delivery;
using ReportWorker.Intake;
using ReportWorker.Tests.Support;

namespace ReportWorker.Tests.Intake;

/// <summary>Mailbox settings that would leak the password stop start-up with a message naming the key.</summary>
public sealed class MailboxOptionsTests
{
    [Fact]
    public void Plain_imap_to_a_host_other_than_this_machine_is_refused()
    {
        using var world = new TestWorld(Settings("imap.example.gov.cn", "None"));

        var ex = Assert.Throws<OptionsValidationException>(() => world.Get<IOptions<MailboxOptions>>().Value);

        Assert.Contains("Intake:Mailbox:Security must be SslOnConnect or StartTls for non-loopback host imap.example.gov.cn", ex.Message);
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
        Assert.Contains("Intake:Mailbox:Password is set in appsettings.json", result.FailureMessage);
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

    private static Dictionary<string, string?> Settings(string host, string security) => new()
    {
        ["Intake:Mailbox:Host"] = host,
        ["Intake:Mailbox:Security"] = security,
        ["Intake:Mailbox:UserName"] = "reports",
    };
}
