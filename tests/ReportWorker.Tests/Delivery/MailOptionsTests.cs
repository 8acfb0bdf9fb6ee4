using Microsoft.Extensions.Options;
using ReportWorker.Delivery;
using ReportWorker.Tests.Support;

namespace ReportWorker.Tests.Delivery;

public sealed class MailOptionsTests
{
    [Theory]
    [InlineData("smtp.example.gov.cn")]
    [InlineData("10.20.30.40")]
    public void Plain_smtp_to_another_host_stops_start_up(string host)
    {
        var result = new MailOptionsValidator().Validate(null, Options(o => { o.Smtp.Host = host; o.Smtp.Security = SmtpSecurity.None; }));

        Assert.True(result.Failed);
        Assert.Contains("Mail:Smtp:Security", result.FailureMessage);
        Assert.Contains("不在本机，必须加密", result.FailureMessage);
    }

    [Fact]
    public void Auto_security_or_accepting_any_certificate_for_another_host_stops_start_up()
    {
        var auto = new MailOptionsValidator().Validate(null, Options(o => { o.Smtp.Host = "smtp.example.gov.cn"; o.Smtp.Security = SmtpSecurity.Auto; }));
        var anyCert = new MailOptionsValidator().Validate(null, Options(o => { o.Smtp.Host = "smtp.example.gov.cn"; o.Smtp.AcceptAnyCertificate = true; }));

        Assert.Contains("Auto 在服务器不支持 TLS 时会退回明文", auto.FailureMessage);
        Assert.Contains("Mail:Smtp:AcceptAnyCertificate", anyCert.FailureMessage);
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("localhost")]
    [InlineData("::1")]
    public void Plain_smtp_to_a_relay_on_this_machine_is_allowed(string host)
    {
        Assert.True(new MailOptionsValidator().Validate(null, Options(o => { o.Smtp.Host = host; o.Smtp.Security = SmtpSecurity.None; })).Succeeded);
    }

    [Theory]
    [InlineData("Mail:JournalAddress", "not-an-address")]
    [InlineData("Mail:AlertAfterAttempts", "9")]
    [InlineData("Mail:Smtp:ConnectRetries", "11")]
    [InlineData("Mail:Smtp:RetryDelayMilliseconds", "-1")]
    [InlineData("Mail:MaxMessagesPerMinute", "-1")]
    [InlineData("Mail:SendingStaleMinutes", "0")]
    public void A_bad_new_setting_stops_start_up_with_its_key_named(string key, string value)
    {
        using var world = new TestWorld(new Dictionary<string, string?> { [key] = value });

        var ex = Assert.Throws<OptionsValidationException>(() => world.Get<IOptions<MailOptions>>().Value);

        Assert.Contains(key, string.Join("; ", ex.Failures));
    }

    [Fact]
    public void The_shipped_settings_are_valid()
    {
        using var world = new TestWorld();
        var mail = world.Get<IOptions<MailOptions>>().Value;
        Assert.Equal("", mail.JournalAddress);
        Assert.Equal(0, mail.MaxMessagesPerMinute);
    }

    private static MailOptions Options(Action<MailOptions> change)
    {
        var o = new MailOptions { FromAddress = "a@example.gov.cn", FromName = "x" };
        change(o);
        return o;
    }
}
