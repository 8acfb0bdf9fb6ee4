using Dapper;
using ReportWorker.Ledger;
using ReportWorker.Storage;
using ReportWorker.Tests.Support;
using ReportWorker.Periods;

namespace ReportWorker.Tests.Intake;

/// <summary>
/// kill -9 in the middle of mailbox intake, then intake again: each attachment recorded once, each
/// answer queued and delivered once, every message archived and moved out of INBOX. The worker is
/// the real executable, run as a separate process against a real Dovecot and killed with SIGKILL.
/// </summary>
public sealed class MailboxCrashSafetyTests : IClassFixture<DovecotServer>, IDisposable
{
    private readonly DovecotServer _dovecot;
    private readonly Dictionary<string, byte[]> _files = [];
    private readonly List<byte[]> _messages = [];
    private readonly CrashHarness _harness;

    public MailboxCrashSafetyTests(DovecotServer dovecot)
    {
        _dovecot = dovecot;
        _harness = new CrashHarness(world =>
        {
            world.ImportSmallRegistry();
            var march = new ReportMonth(2025, 3);
            _files["省审计厅3月报表.xlsx"] = world.FilledForm("U02", march);
            _files["会议通知.xlsx"] = BadFiles.Make("pdf-renamed", world);
            _files["海口海关3月报表.xlsx"] = world.FilledForm("U03", march);
        });
        // One message with a form and a stray file, one with a form: three answers in all.
        _messages.Add(TestMail.Bytes(TestMail.WithFiles("ssjt@example.gov.cn", "省审计厅3月报表",
            ("省审计厅3月报表.xlsx", _files["省审计厅3月报表.xlsx"]), ("会议通知.xlsx", _files["会议通知.xlsx"]))));
        _messages.Add(TestMail.Bytes(TestMail.WithFiles("hkhg@example.gov.cn", "海口海关3月报表", ("海口海关3月报表.xlsx", _files["海口海关3月报表.xlsx"]))));
    }

    public void Dispose() => _harness.Dispose();

    [Theory]
    [InlineData("mailbox-after-archive", 1)]
    [InlineData("mailbox-after-archive", 2)]
    [InlineData("after-record", 1)]
    [InlineData("mailbox-before-move", 1)]
    [InlineData("mailbox-before-move", 2)]
    [InlineData("mailbox-after-move", 1)]
    [InlineData("mailbox-after-move", 2)]
    [InlineData("delivery-after-send", 2)]
    public async Task Killed_at_a_step_then_rerun_takes_each_attachment_exactly_once(string step, int hit)
    {
        var user = await Seed();
        _harness.Use(_dovecot.Settings(user));

        _harness.Crash("intake", step, hit);
        _harness.Rerun("intake");

        await AssertEachAttachmentTakenOnce(user);
    }

    private async Task<string> Seed()
    {
        _dovecot.Require();
        var user = _dovecot.NewUser();
        foreach (var m in _messages) await _dovecot.AppendAsync(user, m);
        return user;
    }

    private async Task AssertEachAttachmentTakenOnce(string user)
    {
        using var c = _harness.Ledger();
        var received = c.Query<(string Sha, string Name, string Ref, string Archive, string Outcome, long Finished)>(
            "SELECT sha256, original_name, source_ref, archive_path, outcome, finished FROM received_files").ToArray();
        Assert.Equal(_files.Count, received.Length);
        Assert.Equal(_files.Count, received.Select(r => r.Ref).Distinct().Count());
        Assert.All(received, r => Assert.Equal(1, r.Finished));
        foreach (var (name, bytes) in _files)
        {
            var row = Assert.Single(received, r => r.Name == name);
            Assert.Equal(Hashing.Sha256(bytes), row.Sha);
            Assert.Equal(bytes, File.ReadAllBytes(Path.Combine(_harness.Data, "archive", row.Archive)));
        }
        Assert.Equal(2, received.Count(r => r.Outcome == "accepted"));
        Assert.Equal(2, c.ExecuteScalar<long>("SELECT COUNT(*) FROM submissions"));
        Assert.Equal(_files.Count, c.ExecuteScalar<long>("SELECT COUNT(*) FROM outbox WHERE status = 'sent'"));
        Assert.Equal(_files.Count, c.ExecuteScalar<long>("SELECT COUNT(*) FROM outbox"));
        Assert.Equal(_files.Count, Directory.GetFiles(Path.Combine(_harness.Data, "outbox"), "*.eml").Length);

        var messages = c.Query<(string Status, string Archive)>("SELECT status, archive_path FROM mailbox_messages ORDER BY id").ToArray();
        Assert.Equal(_messages.Count, messages.Length);
        Assert.All(messages, m => Assert.Equal("done", m.Status));
        Assert.Equal(_messages, messages.Select(m => File.ReadAllBytes(Path.Combine(_harness.Data, "archive", m.Archive))));
        Assert.Empty(await _dovecot.MessagesAsync(user, "INBOX"));
        Assert.Equal(_messages.Count, (await _dovecot.MessagesAsync(user, "Processed")).Count);
    }
}
