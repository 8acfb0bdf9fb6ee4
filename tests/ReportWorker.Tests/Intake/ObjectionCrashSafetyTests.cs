using Dapper;
using ReportWorker.Assessment;
using ReportWorker.Delivery;
using ReportWorker.Intake;
using ReportWorker.Tests.Support;

namespace ReportWorker.Tests.Intake;

/// <summary>
/// kill -9 while the real executable takes in objections to the 2025 draft (one reply to 省审计厅's slip, one
/// recognised by its subject), then intake again: each recorded once, the office told once, each sender once.
/// </summary>
public sealed class ObjectionCrashSafetyTests : IClassFixture<DovecotServer>, IDisposable
{
    private readonly DovecotServer _dovecot;
    private readonly List<byte[]> _messages = [];
    private readonly CrashHarness _harness;

    public ObjectionCrashSafetyTests(DovecotServer dovecot)
    {
        _dovecot = dovecot;
        string? slip = null;
        _harness = new CrashHarness(world =>
        {
            world.ImportSmallRegistry();
            world.SetLocalTime(2026, 1, 15, 9, 0);
            world.Get<AssessmentPublisher>().Draft(2025);   // queued, not yet sent: the intake run delivers it with the answers
            slip = world.Get<MessageBuilder>().MessageIdFor(AssessmentMailer.DraftKey(2025, 1, "U02"));
        });
        var reply = TestMail.Message("ssjt@example.gov.cn", "回复：【考核反馈单·初步结果】海南省审计厅2025年度党建工作考核", "3月报表是按时报送的，请核实。");
        reply.InReplyTo = slip;
        _messages.Add(TestMail.Bytes(reply));
        _messages.Add(TestMail.Bytes(TestMail.Message("hkhg@example.gov.cn", "对2025年度考核结果的异议", "B-001已于12月完成。")));
    }

    public void Dispose() => _harness.Dispose();

    [Theory]
    [InlineData("mailbox-after-archive", 1)]
    [InlineData("mailbox-after-archive", 2)]
    [InlineData("mailbox-before-move", 1)]
    [InlineData("mailbox-before-move", 2)]
    [InlineData("mailbox-after-move", 1)]
    [InlineData("delivery-after-send", 4)]
    public async Task Killed_at_a_step_then_rerun_records_and_forwards_each_objection_exactly_once(string step, int hit)
    {
        _dovecot.Require();
        var user = _dovecot.NewUser();
        foreach (var m in _messages) await _dovecot.AppendAsync(user, m);
        _harness.Use(_dovecot.Settings(user));

        _harness.Crash("intake", step, hit);
        _harness.Rerun("intake");

        using var c = _harness.Ledger();
        Assert.Equal(["U02", "U03"], c.Query<string>("SELECT unit_code FROM assessment_objections ORDER BY unit_code"));
        var queued = c.Query<(string Kind, string Status)>("SELECT kind, status FROM outbox WHERE kind LIKE 'assessment-objection%'").ToArray();
        Assert.Equal(2, queued.Count(q => q.Kind == ObjectionComposer.OfficeKind));
        Assert.Equal(2, queued.Count(q => q.Kind == ObjectionComposer.AcknowledgementKind));
        Assert.All(queued, q => Assert.Equal("sent", q.Status));
        Assert.Equal(0, c.ExecuteScalar<long>("SELECT COUNT(*) FROM outbox WHERE kind = 'rejection'"));
        Assert.Equal(3 + 4, Directory.GetFiles(Path.Combine(_harness.Data, "outbox"), "*.eml").Length);   // three slips, two to the office, two acknowledgements
        Assert.All(c.Query<string>("SELECT status FROM mailbox_messages"), s => Assert.Equal("done", s));
        Assert.Empty(await _dovecot.MessagesAsync(user, "INBOX"));
        Assert.Equal(2, (await _dovecot.MessagesAsync(user, "Processed")).Count);
    }
}
