using Dapper;
using ReportWorker.Briefings;
using ReportWorker.Calendar;
using ReportWorker.Cli;
using ReportWorker.Forms;
using ReportWorker.Intake;
using ReportWorker.Ledger;
using ReportWorker.Periods;
using ReportWorker.Registry;
using ReportWorker.Spreadsheets;
using ReportWorker.Storage;
using ReportWorker.Tests.Support;
using UglyToad.PdfPig;

namespace ReportWorker.Tests.Ledger;

/// <summary>
/// A ledger carried from 2025 into 2026: the small registry's 2025 list reported on for a quarter, then a
/// 2026 list that reuses codes for other work (A-001, C-001), continues one task (B-001) and drops two that
/// are still open (C-002, F-001). What 2025 reported and issued must not move; 2026 starts clean except for
/// what is carried over (上年结转).
/// </summary>
public class YearRolloverTests : IDisposable
{
    private static readonly ReportMonth Jan25 = new(2025, 1), Feb25 = new(2025, 2), Mar25 = new(2025, 3), Jan26 = new(2026, 1), Feb26 = new(2026, 2);
    private readonly TestWorld _world = new();

    public YearRolloverTests()
    {
        _world.ImportSmallRegistry();
        foreach (var month in new[] { Jan25, Feb25 })
            foreach (var unit in new[] { "U01", "U02", "U03" })
                Accept($"{month}-{unit}.xlsx", _world.FilledForm(unit, month));
        // March: 省委办公厅 closes A-002, 省审计厅 closes C-001; the rest go on.
        Accept("2025-03-U01.xlsx", _world.FilledForm("U01", Mar25, e => e.Text($"F{e.RowOf("A-002")}", "已完成").Number($"G{e.RowOf("A-002")}", 100)));
        Accept("2025-03-U02.xlsx", _world.FilledForm("U02", Mar25, e => e.Text($"F{e.RowOf("C-001")}", "已完成").Number($"G{e.RowOf("C-001")}", 100)));
        Accept("2025-03-U03.xlsx", _world.FilledForm("U03", Mar25));
        _world.SetLocalTime(2025, 4, 10);
    }

    public void Dispose() => _world.Dispose();

    private void Accept(string name, byte[] form) => Assert.Equal("accepted", _world.TakeIn(name, form).Outcome);

    private void Import2026List()
    {
        _world.SetLocalTime(2026, 1, 5);
        var path = Path.Combine(_world.Root, "tasks-2026.xlsx");
        AtomicFile.Write(path, s => SimpleXlsxWriter.Write(s, "任务", ["任务编号", "类别", "任务内容", "牵头单位", "配合单位", "完成时限", "清单类型", "接续上年任务"],
        [
            ["A-001", "A", "建立机关党建述职评议制度", "省审计厅", "", "2026年6月底", "年度重点", ""],          // a 2025 code, other work
            ["B-001", "B", "组建封关运作党员突击队（第二批）", "海口海关", "省委办公厅", "2026-09-30", "年度重点", "B-001"], // carries on 2025's B-001
            ["C-001", "C", "开展审计整改“回头看”", "省审计厅", "", "2026年10月底", "年度重点", ""],            // 2025's C-001 was closed
            ["D-001", "D", "开展涉外党建课题调研", "省委办公厅", "", "年底", "年度重点", ""],
            ["E-001", "E", "机关党员到社区报到服务", "海口海关", "", "长期坚持", "常态化", ""],
        ]));
        var result = _world.Get<TaskImporter>().Import(path);
        Assert.Equal(2026, result.Year);
        Assert.Contains(result.Notes, n => n.Contains("按 2026 年度导入", StringComparison.Ordinal));
    }

    private string Status(ReportMonth month) => StatusCommand.Render(_world.Get<LedgerStatus>().For(month), _world.Get<ReportingCalendar>());

    [Fact]
    public void Importing_2026_leaves_2025_as_it_was_its_notice_regenerates_byte_for_byte()
    {
        var march = _world.Get<BriefingService>().Monthly(Mar25, null, reissue: false);
        var statusBefore = Status(Mar25);
        var tasks2025 = System.Text.Json.JsonSerializer.Serialize(_world.Get<RegistryStore>().TasksOfYear(2025));

        Import2026List();

        Assert.Equal(tasks2025, System.Text.Json.JsonSerializer.Serialize(_world.Get<RegistryStore>().TasksOfYear(2025)));
        Assert.Equal(statusBefore, Status(Mar25));
        Assert.Contains("逾期", statusBefore); // C-001 is overdue in February: the status has something to lose
        var again = _world.Get<BriefingService>().Monthly(Mar25, null, reissue: false);
        Assert.Equal(march.Record.Id, again.Record.Id);
        Assert.Equal(march.Document.Pdf, again.Document.Pdf);
    }

    [Fact]
    public void The_2026_books_hold_the_new_list_and_the_open_2025_tasks_as_carried_over_and_nothing_closed_yet()
    {
        Import2026List();

        var books = _world.Get<TaskBooks>().For(Jan26);
        Assert.True(books.HasList);
        Assert.Equal(["A-001", "B-001", "C-001", "D-001", "E-001", "2025-C-002", "2025-F-001"], books.Tasks.Select(t => t.Code));
        // B-001 is carried on by the new list; A-002 and C-001 were closed in 2025; A-001 and E-001 are standing tasks of their year.
        var carried = books.Tasks.Where(t => t.CarriedOver).ToArray();
        Assert.All(carried, t => Assert.Equal(2025, t.Year));
        Assert.Equal("2025年年底", books.Task("2025-C-002")!.DeadlineText);

        var status = _world.Get<LedgerStatus>().For(Jan26);
        Assert.Equal(0, status.ClosedToDate);
        Assert.Equal(2, status.CarriedOver);
        Assert.Contains("2026年度清单 5 项，上年结转 2 项", Status(Jan26));
    }

    [Fact]
    public void The_2026_forms_carry_no_2025_answers_of_other_tasks_but_carry_on_the_same_tasks()
    {
        Import2026List();
        var generated = _world.Get<FormService>().Generate(Jan26, null, null, send: false);
        Assert.Equal(3, generated.Count);

        // As the liaison will open it: the form written to disk, read back.
        var u02 = Returned(generated.Single(g => g.Unit.Code == "U02").Path);
        Assert.Equal(["A-001", "C-001", "2025-C-002"], u02.Keys);
        // A-001 and C-001 are new work under old codes: empty, though 2025's C-001 was closed 已完成 100.
        Assert.Equal("", u02["A-001"].Status);
        Assert.Equal("", u02["C-001"].Status);
        // 2025's C-002, still open, comes with its last answer.
        Assert.Equal(ReportStatus.OnSchedule, u02["2025-C-002"].Status);
        // B-001 carries on 2025's B-001: its last answer is the starting point.
        Assert.Equal(ReportStatus.OnSchedule, Returned(generated.Single(g => g.Unit.Code == "U03").Path)["B-001"].Status);

        // And each carried-over row says where it comes from, with the year in its deadline.
        var books = _world.Get<TaskBooks>().For(Jan26);
        var model = _world.Get<FormService>().Model(_world.Get<RegistryStore>().FindUnit("U02")!, Jan26, books.Tasks);
        var carried = model.Rows.Single(r => r.Code == "2025-C-002");
        Assert.StartsWith("上年结转（2025年）", carried.Category);
        Assert.Equal("2025年12月31日", carried.Deadline); // every form writes deadlines one way, the year always in them
    }

    private Dictionary<string, ReturnedRow> Returned(string path) =>
        ReturnedFormReader.Read(SpreadsheetFile.Read(path, new ReadLimits(10_000_000, 100_000_000)), _world.Get<FormLayoutProvider>().Current)!
            .Rows.ToDictionary(r => r.Code);

    [Fact]
    public void A_carried_over_task_is_reported_and_closed_under_its_own_id_and_the_notice_says_so()
    {
        Import2026List();
        _world.SetLocalTime(2026, 1, 20);
        Accept("2026-01-U02.xlsx", _world.FilledForm("U02", Jan26, e => e.Text($"F{e.RowOf("2025-C-002")}", "已完成").Number($"G{e.RowOf("2025-C-002")}", 100)
            .Text($"H{e.RowOf("2025-C-002")}", "1月完成全部走访。")));

        using (var c = _world.Get<LedgerDatabase>().Open())
        {
            var id2025 = _world.Get<RegistryStore>().TasksOfYear(2025).Single(t => t.Code == "C-002").Id;
            Assert.Equal(id2025, c.ExecuteScalar<long>("SELECT task_id FROM entries WHERE task_code = '2025-C-002'"));
        }
        var status = _world.Get<LedgerStatus>().For(Jan26);
        var closed = status.Tasks.Single(t => t.Task.Code == "2025-C-002");
        Assert.Equal(Jan26, closed.ClosedIn);

        _world.SetLocalTime(2026, 2, 10);
        var notice = _world.Get<BriefingService>().Monthly(Jan26, null, reissue: false);
        Assert.Equal(2, notice.Figures.CarriedOver.Total);
        Assert.Equal(1, notice.Figures.CarriedOver.ClosedToDate);
        using var pdf = PdfDocument.Open(notice.Document.Pdf);
        var text = string.Concat(pdf.GetPages().SelectMany(p => p.Letters).Select(l => l.Value)).Replace(" ", "");
        Assert.Contains("2026年度任务清单共5项，另有上年结转未销号任务2项（本年已销号1项），合计7项", text);
        Assert.Contains("琼直工委通〔2026〕1号", text);

        // Closed in 2026, it is not carried into 2027.
        Assert.DoesNotContain(_world.Get<TaskBooks>().For(new ReportMonth(2027, 1)).Tasks, t => t.Code == "2025-C-002");
    }

    [Fact]
    public void A_whole_year_then_the_next_quarter_follows_up_the_carried_over_items_by_task_not_by_code()
    {
        // The rest of 2025, each month's forms on time; nothing more closes.
        for (var m = 4; m <= 12; m++)
        {
            var month = new ReportMonth(2025, m);
            _world.SetLocalTime(2025, m, 20);
            foreach (var unit in new[] { "U01", "U02", "U03" }) Accept($"{month}-{unit}.xlsx", _world.FilledForm(unit, month));
        }
        Import2026List();
        _world.SetLocalTime(2026, 1, 12);
        var q4 = _world.Get<QuarterlyService>().Quarterly(new Quarter(2025, 4), null, reissue: false);
        var q4C002 = q4.Figures.Items.Single(i => i.State.Task.Code == "C-002");
        Assert.Equal(Level.Yellow, q4C002.Level); // due 31 December, open at the end of it

        for (var m = 1; m <= 3; m++)
        {
            var month = new ReportMonth(2026, m);
            _world.SetLocalTime(2026, m, 20);
            foreach (var unit in new[] { "U01", "U02", "U03" }) Accept($"{month}-{unit}.xlsx", _world.FilledForm(unit, month));
        }
        _world.SetLocalTime(2026, 4, 10);
        var q1 = _world.Get<QuarterlyService>().Quarterly(new Quarter(2026, 1), null, reissue: false);

        // 2025's C-002, now 2025-C-002, is found again as last quarter's item and goes up a level; 2026's new C-001 is not confused with anything.
        var item = q1.Figures.Items.Single(i => i.State.Task.Code == "2025-C-002");
        Assert.Equal(Level.Red, item.Level);
        Assert.Equal(q4C002.Number, item.Previous?.Number);
        Assert.DoesNotContain(q1.Figures.Items, i => i.State.Task.Year == 2026);
        var followUp = q1.Figures.Previous.Single(f => f.TaskCode == "C-002");
        Assert.Equal(item.Number, followUp.NowItem?.Number);
        using var pdf = PdfDocument.Open(q1.Summary.Pdf);
        Assert.Contains("2025-C-002", string.Concat(pdf.GetPages().SelectMany(p => p.Letters).Select(l => l.Value)).Replace(" ", ""));
    }

    [Fact]
    public void A_retired_task_leaves_the_books_from_its_month_never_earlier_and_the_history_says_why()
    {
        Import2026List();
        var retirement = _world.Get<TaskRetirement>();
        var backdated = Assert.Throws<TaskRetirementException>(() => retirement.Retire(2025, ["F-001"], "工委会议决定不再列入", new ReportMonth(2025, 12)));
        Assert.Contains("不能倒签", backdated.Message);
        Assert.Throws<TaskRetirementException>(() => retirement.Retire(2025, ["F-001"], " "));

        var done = retirement.Retire(2025, ["f-001"], "工委会议决定不再列入", Feb26);

        Assert.Equal(["F-001"], done.Retired);
        Assert.Contains(_world.Get<TaskBooks>().For(Jan26).Tasks, t => t.Code == "2025-F-001");
        Assert.DoesNotContain(_world.Get<TaskBooks>().For(Feb26).Tasks, t => t.Code == "2025-F-001");
        var id = _world.Get<RegistryStore>().TasksOfYear(2025).Single(t => t.Code == "F-001").Id;
        var history = Assert.Single(_world.Get<RegistryStore>().History(id));
        Assert.Equal("retired", history.Action);
        Assert.Contains("工委会议决定不再列入", history.Note);
        Assert.Equal(["F-001（2026-02 起）"], retirement.Retire(2025, ["F-001"], "再次").AlreadyRetired);
    }

    [Fact]
    public void A_list_whose_deadlines_fall_outside_its_year_is_refused_with_the_rows_named()
    {
        _world.SetLocalTime(2026, 1, 5);
        var path = Path.Combine(_world.Root, "tasks-2026-wrong.xlsx");
        AtomicFile.Write(path, s => SimpleXlsxWriter.Write(s, "任务", ["任务编号", "类别", "任务内容", "牵头单位", "完成时限"],
        [
            ["A-001", "A", "建立机关党建述职评议制度", "省审计厅", "2026年6月底"],
            ["A-002", "A", "完善机关党建主体责任清单", "省委办公厅", "2025-03-31"],
            ["A-003", "A", "开展涉外党建课题调研", "省委办公厅", "2026-11-30"],
        ]));

        var refused = Assert.Throws<RegistryImportException>(() => _world.Get<TaskImporter>().Import(path));
        var error = Assert.Single(refused.Errors);
        Assert.Equal(3, error.Row);
        Assert.Contains("不在 2026 年度内", error.Problem);
        Assert.Throws<RegistryImportException>(() => _world.Get<TaskImporter>().Import(path, year: 2025));
        Assert.Single(_world.Get<RegistryStore>().ListYears()); // nothing written
    }

    [Fact]
    public void Forms_and_notices_for_a_year_without_its_list_are_refused_unless_forced()
    {
        Import2026List();
        _world.SetLocalTime(2027, 1, 2);

        var forms = Assert.Throws<TaskListMissingException>(() => _world.Get<FormService>().Generate(new ReportMonth(2027, 1), null, null, send: false));
        Assert.Contains("2027年度任务清单还没有导入", forms.Message);
        Assert.Contains("--year 2027", forms.Message);
        _world.SetLocalTime(2027, 2, 10);
        Assert.Throws<TaskListMissingException>(() => _world.Get<BriefingService>().Monthly(new ReportMonth(2027, 1), null, reissue: false));
        using (var c = _world.Get<LedgerDatabase>().Open())
            Assert.Equal(0, c.ExecuteScalar<long>("SELECT COUNT(*) FROM briefings WHERE period = '2027-01'")); // no number used

        // Forced: only what 2026 carries over (2025's C-002 and F-001, 2026's dated tasks, all still open).
        var forced = _world.Get<FormService>().Generate(new ReportMonth(2027, 1), "U02", null, send: false, force: true);
        Assert.Equal(3, Assert.Single(forced).TaskCount); // 2026-A-001, 2026-C-001, 2025-C-002
    }

    [Fact]
    public void A_list_cannot_use_year_qualified_codes_nor_continue_a_task_that_does_not_exist()
    {
        _world.SetLocalTime(2026, 1, 5);

        var refused = Assert.Throws<RegistryImportException>(() => _world.Get<TaskImporter>().Import(List2026("tasks-2026-bad.xlsx", "2025-A-001")));
        Assert.Contains(refused.Errors, e => e.Row == 2 && e.Problem.Contains("以年份开头", StringComparison.Ordinal));
        refused = Assert.Throws<RegistryImportException>(() => _world.Get<TaskImporter>().Import(List2026("tasks-2026-bad2.xlsx", "A-001")));
        Assert.Contains(refused.Errors, e => e.Row == 3 && e.Problem.Contains("2025年度清单中没有任务 Z-999", StringComparison.Ordinal));
    }

    // Two rows; the second says it continues last year's Z-999, which never existed.
    private string List2026(string name, string firstCode)
    {
        var path = Path.Combine(_world.Root, name);
        AtomicFile.Write(path, s => SimpleXlsxWriter.Write(s, "任务", ["任务编号", "类别", "任务内容", "牵头单位", "完成时限", "接续上年任务"],
        [
            [firstCode, "A", "建立机关党建述职评议制度", "省审计厅", "2026年6月底", ""],
            ["A-002", "A", "完善机关党建主体责任清单", "省委办公厅", "2026-03-31", "Z-999"],
        ]));
        return path;
    }
}
