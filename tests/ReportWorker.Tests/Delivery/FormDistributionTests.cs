using MimeKit;
using ReportWorker.Delivery;
using ReportWorker.Forms;
using ReportWorker.Ledger;
using ReportWorker.Tests.Support;
using ReportWorker.Periods;

namespace ReportWorker.Tests.Delivery;

public class FormDistributionTests : IDisposable
{
    private readonly TestWorld _world = new();

    public FormDistributionTests() => _world.ImportSmallRegistry();
    public void Dispose() => _world.Dispose();

    [Fact]
    public async Task Sending_forms_queues_one_message_per_unit_and_month_however_often_it_is_asked()
    {
        var forms = _world.Get<FormService>();
        var month = new ReportMonth(2025, 4);

        var first = forms.Generate(month, null, null, send: true);
        var again = forms.Generate(month, null, null, send: true);
        await _world.Get<OutboxSender>().DeliverDueAsync(TestContext.Current.CancellationToken);

        Assert.All(first, f => Assert.True(f.Queued));
        Assert.All(again, f => Assert.False(f.Queued));
        var emls = Directory.GetFiles(_world.Paths.Outbox, "*-form-*.eml");
        Assert.Equal(3, emls.Length);
        var audit = emls.Select(f => MimeMessage.Load(f, TestContext.Current.CancellationToken)).Single(m => m.To.Mailboxes.Any(a => a.Address == "ssjt@example.gov.cn"));
        Assert.Equal(2, audit.To.Count);
        Assert.Contains("2025年5月6日", audit.Subject); // due 5 May is in the 劳动节 holiday: the next working day
        var attachment = Assert.Single(audit.Attachments.OfType<MimePart>());
        Assert.Equal("2025-04_U02_省审计厅_月报表.xlsx", attachment.FileName);
        using var content = new MemoryStream();
        await attachment.Content!.DecodeToAsync(content, TestContext.Current.CancellationToken);
        Assert.Equal(File.ReadAllBytes(first.Single(f => f.Unit.Code == "U02").Path), content.ToArray());
    }
}
