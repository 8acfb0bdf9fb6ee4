using Dapper;
using ReportWorker.Intake;
using ReportWorker.Ledger;
using ReportWorker.Storage;
using ReportWorker.Tests.Support;
using ReportWorker.Periods;

namespace ReportWorker.Tests.Intake;

public class IntakeAcceptanceTests : IDisposable
{
    private static readonly ReportMonth March = new(2025, 3);
    private readonly TestWorld _world = new();

    public IntakeAcceptanceTests() => _world.ImportSmallRegistry();
    public void Dispose() => _world.Dispose();

    [Fact]
    public void Accepts_a_filled_form_records_every_task_and_queues_a_receipt_to_the_liaisons()
    {
        var outcome = _world.TakeIn("随便起的名字.xlsx", _world.FilledForm("U02", March));

        Assert.True(outcome.IsAccepted, string.Join("; ", outcome.Errors));
        Assert.Equal("U02", outcome.UnitCode);
        Assert.Equal("2025-03", outcome.Month);
        var submission = Assert.Single(_world.Get<SubmissionStore>().InForce(March));
        var entries = _world.Get<SubmissionStore>().Entries(submission.Id);
        Assert.Equal(["A-002", "B-001", "C-001", "C-002"], entries.Select(e => e.TaskCode).Order());
        Assert.False(submission.Late);

        using var c = _world.Get<LedgerDatabase>().Open();
        var (kind, recipients) = c.QuerySingle<(string, string)>("SELECT kind, recipients FROM outbox");
        Assert.Equal("receipt", kind);
        Assert.Equal("ssjt@example.gov.cn, ssjt.dj@example.gov.cn", recipients);
        Assert.True(File.Exists(Path.Combine(_world.Paths.InboxProcessed, $"{outcome.ReceivedFileId:D6}_随便起的名字.xlsx")));
        Assert.Empty(Directory.GetFiles(_world.Paths.Inbox));
    }

    [Fact]
    public void Accepts_what_a_person_obviously_meant_80_percent_fullwidth_digits_and_padded_status()
    {
        var form = _world.FilledForm("U01", March, e =>
        {
            e.Text($"G{e.RowOf("A-001")}", "80%");
            e.Text($"G{e.RowOf("A-002")}", "８０");
            e.Text($"F{e.RowOf("F-001")}", " 已完成 ").Text($"G{e.RowOf("F-001")}", "１００ ");
        });

        var outcome = _world.TakeIn("f.xlsx", form);

        Assert.True(outcome.IsAccepted, string.Join("; ", outcome.Errors));
        var entries = Entries("U01");
        Assert.Equal(80, entries["A-001"].Percent);
        Assert.Equal(80, entries["A-002"].Percent);
        Assert.Equal(ReportStatus.Completed, entries["F-001"].Status);
        Assert.Equal(100, entries["F-001"].Percent);
    }

    [Fact]
    public void Reads_a_percentage_formatted_number_as_percent_and_a_plain_number_as_it_is()
    {
        var form = _world.FilledForm("U01", March, e =>
        {
            e.Percent($"G{e.RowOf("A-001")}", 0.8);   // typed as 80% in Excel: 0.8 shown as 80%
            e.Number($"G{e.RowOf("A-002")}", 0.8);    // typed as 0.8: means 0.8 %
        });

        var outcome = _world.TakeIn("f.xlsx", form);

        Assert.True(outcome.IsAccepted, string.Join("; ", outcome.Errors));
        Assert.Equal(80, Entries("U01")["A-001"].Percent);
        Assert.Equal(0.8, Entries("U01")["A-002"].Percent);
    }

    [Fact]
    public void Stores_text_that_looks_like_a_formula_as_text_and_never_writes_it_back_as_a_formula()
    {
        var form = _world.FilledForm("U01", March, e =>
        {
            e.Text($"H{e.RowOf("A-001")}", "=HYPERLINK(\"http://evil\",\"点我\")");
            e.Text($"I{e.RowOf("A-001")}", "-人员不足");
            e.Text($"J{e.RowOf("A-001")}", "@下月");
            e.Formula($"H{e.RowOf("A-002")}", "1+1", "2");
        });

        Assert.True(_world.TakeIn("f.xlsx", form).IsAccepted);
        var entries = Entries("U01");
        Assert.Equal("=HYPERLINK(\"http://evil\",\"点我\")", entries["A-001"].Progress);
        Assert.Equal("-人员不足", entries["A-001"].Problems);
        Assert.Equal("@下月", entries["A-001"].NextSteps);
        Assert.Equal("=1+1", entries["A-002"].Progress);

        // Next month's form pre-fills these answers: as text cells, never as formulas.
        var path = Assert.Single(_world.Get<ReportWorker.Forms.FormService>().Generate(March.Next, "U01", null, send: false)).Path;
        using var doc = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(path, false);
        Assert.Empty(doc.WorkbookPart!.WorksheetParts.SelectMany(p => p.Worksheet!.Descendants<DocumentFormat.OpenXml.Spreadsheet.CellFormula>()));
        var text = doc.WorkbookPart.SharedStringTablePart!.SharedStringTable!.InnerText;
        Assert.Contains("=HYPERLINK(\"http://evil\",\"点我\")", text);
    }

    [Fact]
    public void A_resubmission_supersedes_the_earlier_one_and_the_ledger_keeps_both()
    {
        Assert.True(_world.TakeIn("v1.xlsx", _world.FilledForm("U03", March)).IsAccepted);
        _world.SetLocalTime(2025, 4, 4);
        var second = _world.TakeIn("v2.xlsx", _world.FilledForm("U03", March, e => e.Text($"F{e.RowOf("E-001")}", "滞后")));

        Assert.True(second.IsAccepted);
        var history = _world.Get<SubmissionStore>().History("U03", March);
        Assert.Equal(2, history.Count);
        Assert.Equal(history[1].Id, history[0].SupersededBy);
        Assert.Null(history[1].SupersededBy);
        Assert.Equal(ReportStatus.Lagging, Entries("U03")["E-001"].Status);
        Assert.Equal(ReportStatus.OnSchedule, _world.Get<SubmissionStore>().Entries(history[0].Id).Single(e => e.TaskCode == "E-001").Status);
    }

    [Fact]
    public void A_batch_is_recorded_in_arrival_order_whichever_core_read_each_file()
    {
        // Files are read on every core ahead of recording; copies and resubmissions must still be judged in the order they came.
        var u01 = _world.FilledForm("U01", March);
        (string Name, byte[] Bytes)[] arrivals =
        [
            ("a.xlsx", _world.FilledForm("U03", March)),
            ("b.xlsx", u01),
            ("c.xlsx", _world.FilledForm("U02", March)),
            ("d.xlsx", u01),
            ("e.xlsx", _world.FilledForm("U03", March, e => e.Text($"F{e.RowOf("E-001")}", "滞后"))),
            ("f.xlsx", [0x50, 0x4B, 0x03, 0x04, 1, 2, 3]),
        ];
        var first = DateTime.UtcNow.AddMinutes(-5);
        // Names run against arrival: the files must come in by time, not by name.
        foreach (var (n, (name, bytes)) in arrivals.Index())
            File.SetLastWriteTimeUtc(_world.Drop($"{9 - n}{name}", bytes), first.AddSeconds(n));

        var outcomes = _world.RunIntake();

        Assert.Equal([IntakeOutcome.Accepted, IntakeOutcome.Accepted, IntakeOutcome.Accepted, IntakeOutcome.Duplicate, IntakeOutcome.Accepted, IntakeOutcome.Rejected],
            outcomes.Select(o => o.Outcome));
        Assert.Equal(outcomes.Select(o => o.ReceivedFileId).Order(), outcomes.Select(o => o.ReceivedFileId));
        var history = _world.Get<SubmissionStore>().History("U03", March);
        Assert.Equal(2, history.Count);
        Assert.Equal(ReportStatus.Lagging, Entries("U03")["E-001"].Status); // the later file is the one in force
        Assert.Empty(Directory.GetFiles(_world.Paths.Inbox));
    }

    [Fact]
    public void Accepts_late_forms_with_a_warning_and_marks_them_late()
    {
        _world.SetLocalTime(2025, 4, 7, 17, 1); // due 2025-04-07 17:00 (the 5th is a Saturday in the 清明 holiday)
        var outcome = _world.TakeIn("late.xlsx", _world.FilledForm("U01", March));

        Assert.True(outcome.IsAccepted);
        Assert.Contains(outcome.Warnings, w => w.Message.Contains("逾期报送"));
        Assert.True(Assert.Single(_world.Get<SubmissionStore>().InForce(March)).Late);
    }

    [Fact]
    public void Warns_when_percent_does_not_fit_the_status()
    {
        var outcome = _world.TakeIn("w.xlsx", _world.FilledForm("U01", March, e =>
        {
            e.Text($"F{e.RowOf("A-001")}", "已完成").Number($"G{e.RowOf("A-001")}", 60);
            e.Text($"F{e.RowOf("A-002")}", "未启动").Number($"G{e.RowOf("A-002")}", 30);
        }));

        Assert.True(outcome.IsAccepted);
        Assert.Contains(outcome.Warnings, w => w.Row > 0 && w.Message.Contains("已完成") && w.Message.Contains("60"));
        Assert.Contains(outcome.Warnings, w => w.Message.Contains("未启动") && w.Message.Contains("30"));
    }

    [Fact]
    public void Recognises_a_form_whose_hidden_sheet_and_properties_were_lost_from_its_visible_info_line()
    {
        var outcome = _world.TakeIn("copy.xlsx", _world.FilledForm("U03", March, e => e.RemoveMeta()));
        Assert.True(outcome.IsAccepted, string.Join("; ", outcome.Errors));
        Assert.Equal("U03", outcome.UnitCode);
    }

    [Fact]
    public void Keeps_the_original_byte_for_byte_in_the_archive()
    {
        var bytes = _world.FilledForm("U01", March);
        var outcome = _world.TakeIn("orig.xlsx", bytes);
        var row = _world.Get<ReceivedFileStore>().All().Single(r => r.Id == outcome.ReceivedFileId);
        Assert.Equal(bytes, File.ReadAllBytes(Path.Combine(_world.Paths.Archive, row.ArchivePath)));
        Assert.Equal(Hashing.Sha256(bytes), row.Sha256);
    }

    private Dictionary<string, ReportEntry> Entries(string unit)
    {
        var store = _world.Get<SubmissionStore>();
        return store.Entries(store.InForce(March).Single(s => s.UnitCode == unit).Id).ToDictionary(e => e.TaskCode);
    }
}
