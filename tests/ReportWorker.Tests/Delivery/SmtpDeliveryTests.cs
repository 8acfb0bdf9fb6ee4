using Dapper;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using ReportWorker.Delivery;
using ReportWorker.Ledger;
using ReportWorker.Tests.Support;

namespace ReportWorker.Tests.Delivery;

public sealed class SmtpDeliveryTests
{
    private static readonly ReportMonth March = new(2025, 3);

    [Fact]
    public async Task Delivers_a_receipt_over_smtp_with_starttls_and_auth_once_with_a_stable_message_id()
    {
        await using var smtp = new SmtpTestServer();
        using var world = new TestWorld(smtp.Settings());
        world.ImportSmallRegistry();
        world.TakeIn("f.xlsx", world.FilledForm("U02", March));
        var sender = world.Get<OutboxSender>();

        var first = await sender.DeliverDueAsync(CancellationToken.None);
        var second = await sender.DeliverDueAsync(CancellationToken.None);

        Assert.Equal(new DeliveryResult(1, 0, 0), first);
        Assert.Equal(new DeliveryResult(0, 0, 0), second);
        var (to, message) = Assert.Single(smtp.Received);
        Assert.Equal(["ssjt@example.gov.cn", "ssjt.dj@example.gov.cn"], to);
        Assert.StartsWith("【回执】海南省审计厅2025年3月", message.Subject);
        Assert.Contains("已收到并登记", message.TextBody);
        Assert.Contains("<table", message.HtmlBody);
        using var c = world.Get<LedgerDatabase>().Open();
        Assert.Equal(c.QuerySingle<string>("SELECT message_id FROM outbox"), message.MessageId);
        Assert.Equal(world.Get<MessageBuilder>().MessageIdFor("receipt/1"), message.MessageId);
    }

    [Fact]
    public async Task A_recipient_the_server_refuses_is_failed_permanently_and_others_still_go()
    {
        await using var smtp = new SmtpTestServer(to => to != "ssjt@example.gov.cn");
        using var world = new TestWorld(smtp.Settings());
        world.ImportSmallRegistry();
        world.TakeIn("a.xlsx", world.FilledForm("U02", March));  // 省审计厅: refused
        world.TakeIn("b.xlsx", world.FilledForm("U03", March));  // 海口海关: fine

        var result = await world.Get<OutboxSender>().DeliverDueAsync(CancellationToken.None);
        var again = await world.Get<OutboxSender>().DeliverDueAsync(CancellationToken.None);

        Assert.Equal(new DeliveryResult(1, 0, 1), result);
        Assert.Equal(new DeliveryResult(0, 0, 0), again);
        using var c = world.Get<LedgerDatabase>().Open();
        var failed = c.QuerySingle<(string Status, string Error)>("SELECT status, last_error FROM outbox WHERE unit_code = 'U02'");
        Assert.Equal("failed", failed.Status);
        Assert.Contains("550", failed.Error);
        Assert.Single(smtp.Received);
    }

    [Fact]
    public async Task When_the_server_is_down_the_message_waits_and_is_delivered_once_it_is_back()
    {
        var port = SmtpTestServer.FreePort();
        var settings = SmtpTestServer.ForPort(port);
        using var world = new TestWorld(settings);
        world.ImportSmallRegistry();
        world.TakeIn("a.xlsx", world.FilledForm("U03", March));
        var sender = world.Get<OutboxSender>();

        var down = await sender.DeliverDueAsync(CancellationToken.None);
        Assert.Equal(new DeliveryResult(0, 1, 0), down);
        Assert.Equal(new DeliveryResult(0, 0, 0), await sender.DeliverDueAsync(CancellationToken.None)); // backing off

        await using var smtp = new SmtpTestServer(port: port);
        world.Clock.Advance(TimeSpan.FromMinutes(2));
        var up = await sender.DeliverDueAsync(CancellationToken.None);

        Assert.Equal(new DeliveryResult(1, 0, 0), up);
        Assert.Single(smtp.Received);
    }

    [Fact]
    public void Refuses_to_start_when_the_smtp_password_is_written_in_a_settings_file()
    {
        var file = Path.Combine(Path.GetTempPath(), $"rw-{Guid.NewGuid():N}.json");
        File.WriteAllText(file, """{ "Mail": { "Smtp": { "Host": "smtp.example.gov.cn", "Password": "hunter2" } } }""");
        try
        {
            var config = new ConfigurationBuilder().AddJsonFile(file).Build();
            var result = new SecretsNotInFileValidator(config).Validate(null, new MailOptions());
            Assert.True(result.Failed);
            Assert.Contains("Mail__Smtp__Password", result.FailureMessage);

            var fromEnvironment = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Mail:Smtp:Password"] = "hunter2" }).Build();
            Assert.True(new SecretsNotInFileValidator(fromEnvironment).Validate(null, new MailOptions()).Succeeded);
        }
        finally { File.Delete(file); }
    }
}
