using System.Text;
using System.Text.Json;
using Dapper;
using ReportWorker.Ledger;
using ReportWorker.Registry;
using ReportWorker.Spreadsheets;
using ReportWorker.Storage;
using ReportWorker.Tests.Support;

namespace ReportWorker.Tests.Registry;

public class TaskImportTests : IDisposable
{
    private readonly TestWorld _world = new();

    public void Dispose() => _world.Dispose();

    [Fact]
    public void Imports_tasks_below_a_title_row_with_责任单位_spaced_and_bracketed_headers_extra_columns_and_blank_rows()
    {
        ImportThreeUnits();
        var path = Xlsx("任务清单.xlsx", ["2025年度省直机关党建工作任务清单"],
        [
            ["序号", "【任务编号】", "类 别", "任务内容", "责任单位", "配合单位", "完成时限（必填）", "清单类型", "备注"],
            ["1", "Ｃ－０１７", "C类", "开展审计领域党建与业务融合试点", "海南省审计厅", "省委办公厅、U03", "2025年6月底", "年度重点", "新增"],
            [null, null, null, null, null, null, null, null, null],
            ["2", "a-003", "A 突出政治建设", "严格落实“第一议题”制度", "省委办公厅", "", "长期坚持", "", ""],
            ["", "", "", "", "", "", "", "", ""],
            ["3", "E-002", "围绕民生", "机关党员到社区报到服务", " 海口海关 ", "省审计厅；省审计厅；海口海关", new DateOnly(2025, 9, 30), "", "Excel 日期单元格"],
            ["4", "F-002", "", "机关保密和网络安全责任制落实", "U01", "", "三季度", "", ""],
        ]);

        var result = _world.Get<TaskImporter>().Import(path, year: 2025);

        Assert.Equal((4, 4, 0), (result.Rows, result.Added, result.Changed));
        var tasks = _world.Get<RegistryStore>().TasksOfYear(2025).ToDictionary(t => t.Code);
        Assert.Equal(["C-017", "A-003", "E-002", "F-002"], _world.Get<RegistryStore>().TasksOfYear(2025).Select(t => t.Code));

        var c017 = tasks["C-017"];
        Assert.Equal(("C", "开展审计领域党建与业务融合试点", "U02"), (c017.Category, c017.Content, c017.LeadUnit));
        Assert.Equal(["U01", "U03"], c017.CoUnits);
        Assert.Equal(new DateOnly(2025, 6, 30), c017.Deadline);
        Assert.Equal("2025年6月底", c017.DeadlineText);
        Assert.Equal(TaskItem.AnnualKey, c017.ListType);

        var a003 = tasks["A-003"];
        Assert.Equal(("A", "U01"), (a003.Category, a003.LeadUnit));
        Assert.True(a003.IsStanding);
        Assert.Equal("长期坚持", a003.DeadlineText);
        Assert.Equal(TaskItem.Routine, a003.ListType);

        var e002 = tasks["E-002"];
        Assert.Equal(("E", "U03"), (e002.Category, e002.LeadUnit));
        Assert.Equal(["U02"], e002.CoUnits); // the lead unit and the repeat are dropped from the co-units
        Assert.Equal(new DateOnly(2025, 9, 30), e002.Deadline);
        Assert.Equal("2025-09-30", e002.DeadlineText);

        var f002 = tasks["F-002"];
        Assert.Equal("F", f002.Category); // blank category falls back to the code's letter
        Assert.Equal(new DateOnly(2025, 9, 30), f002.Deadline);
    }

    public static TheoryData<string> CsvEncodings => ["utf-8 with BOM", "utf-8 without BOM", "GBK"];

    [Theory]
    [MemberData(nameof(CsvEncodings))]
    public void Imports_the_same_units_and_tasks_from_csv_in_any_encoding_excel_or_wps_saves(string encoding)
    {
        var units = Csv("units.csv", encoding, """
            单位代码,单位名称,简称,联络员,联络员邮箱
            U01,中共海南省委办公厅,省委办公厅,王晓明,swbgt@example.gov.cn
            U02,海南省审计厅,省审计厅,"李海燕,张伟","ssjt@example.gov.cn,ssjt.dj@example.gov.cn"
            U03,中华人民共和国海口海关,海口海关,陈静,hkhg@example.gov.cn

            """);
        var tasks = Csv("tasks.csv", encoding, """
            任务编号,类别,任务内容,牵头单位,配合单位,完成时限,清单类型
            A-001,A,"严格落实“第一议题”制度，做到学思用贯通",省委办公厅,,长期坚持,常态化
            B-001,B,"组建封关运作党员突击队
            （分两批）",海口海关,"省委办公厅、省审计厅",2025/6/30,年度重点
            Ｃ－００１,C,开展审计领域党建与业务融合试点,省审计厅,,2025年2月28日,年度重点
            """);

        _world.Get<UnitImporter>().Import(units);
        _world.Get<TaskImporter>().Import(tasks, year: 2025);

        var store = _world.Get<RegistryStore>();
        Assert.Equal(["中共海南省委办公厅", "海南省审计厅", "中华人民共和国海口海关"], store.Units().Select(u => u.Name));
        Assert.Equal([new Liaison("李海燕", "ssjt@example.gov.cn"), new Liaison("张伟", "ssjt.dj@example.gov.cn")], store.FindUnit("U02")!.Liaisons);
        var imported = store.TasksOfYear(2025);
        Assert.Equal(["A-001", "B-001", "C-001"], imported.Select(t => t.Code));
        Assert.Equal("严格落实“第一议题”制度，做到学思用贯通", imported[0].Content);
        Assert.Equal("组建封关运作党员突击队\n（分两批）", imported[1].Content.ReplaceLineEndings("\n"));
        Assert.Equal(["U01", "U02"], imported[1].CoUnits);
        Assert.Equal(new DateOnly(2025, 6, 30), imported[1].Deadline);
        Assert.Equal(("U02", new DateOnly(2025, 2, 28)), (imported[2].LeadUnit, imported[2].Deadline));
        Assert.Null(imported[0].Deadline);
    }

    [Fact]
    public void Rejects_task_list_with_bad_rows_naming_file_row_and_column_and_writes_nothing()
    {
        _world.ImportSmallRegistry();
        var before = Counts();
        var path = Xlsx("tasks-bad.xlsx", ["任务编号", "类别", "任务内容", "牵头单位", "配合单位", "完成时限", "清单类型"],
        [
            ["A-002", "A", "完善机关党建主体责任清单（修订）", "省委办公厅", "", "2025年6月底", "年度重点"],
            ["A-009", "A", "新任务", "省财政厅", "", "2025-06-30", "年度重点"],
            ["", "B", "没有编号的任务", "海口海关", "", "2025-06-30", "年度重点"],
            ["A-002", "A", "重复编号", "省委办公厅", "", "2025-06-30", "年度重点"],
            ["C-009", "C", "时限写错", "省审计厅", "", "尽快", "年度重点"],
            ["C-010", "C", "配合单位写错", "省审计厅", "省统计局", "年底", "年度重点"],
        ]);

        var ex = Assert.Throws<RegistryImportException>(() => _world.Get<TaskImporter>().Import(path, year: 2025));

        Assert.All(ex.Errors, e => Assert.Equal("tasks-bad.xlsx", e.File));
        Assert.Contains(ex.Errors, e => e.Row == 3 && e.Column == "牵头单位（D列）" && e.Problem.Contains("省财政厅"));
        Assert.Contains(ex.Errors, e => e.Row == 4 && e.Column == "任务编号（A列）" && e.Problem.Contains("为空"));
        Assert.Contains(ex.Errors, e => e.Row == 5 && e.Column == "任务编号（A列）" && e.Problem.Contains("A-002") && e.Problem.Contains("第2行"));
        Assert.Contains(ex.Errors, e => e.Row == 6 && e.Column == "完成时限（F列）" && e.Problem.Contains("尽快"));
        Assert.Contains(ex.Errors, e => e.Row == 7 && e.Column == "配合单位（E列）" && e.Problem.Contains("省统计局"));
        Assert.Equal(5, ex.Errors.Count);
        Assert.Equal(before, Counts());
        Assert.Equal("完善机关党建主体责任清单", _world.Get<RegistryStore>().TasksOfYear(2025).Single(t => t.Code == "A-002").Content);
    }

    [Fact]
    public void Rejects_task_list_whose_header_lacks_a_required_column_and_says_which()
    {
        _world.ImportSmallRegistry();
        var path = Xlsx("no-deadline.xlsx", ["任务编号", "类别", "任务内容", "牵头单位"],
            [["A-009", "A", "新任务", "省委办公厅"]]);

        var ex = Assert.Throws<RegistryImportException>(() => _world.Get<TaskImporter>().Import(path, year: 2025));

        var error = Assert.Single(ex.Errors);
        Assert.Equal(("no-deadline.xlsx", 1, "表头"), (error.File, error.Row, error.Column));
        Assert.Contains("完成时限", error.Problem);
    }

    [Fact]
    public void Re_importing_an_updated_task_list_updates_by_code_adds_new_ones_and_keeps_the_previous_version_in_history()
    {
        _world.ImportSmallRegistry();
        var path = Xlsx("tasks-v2.xlsx", ["任务编号", "类别", "任务内容", "牵头单位", "配合单位", "完成时限", "清单类型"],
        [
            ["A-001", "A", "严格落实“第一议题”制度", "省委办公厅", "", "长期坚持", "常态化"],
            ["A-002", "A", "完善机关党建主体责任清单并建立责任落实台账", "省委办公厅", "省审计厅", "2025年3月底", "年度重点"],
            ["B-001", "B", "组建封关运作党员突击队", "海口海关", "省委办公厅", "2025年9月底", "年度重点"],
            ["C-001", "C", "开展审计领域党建与业务融合试点", "省审计厅", "", "2025年2月28日", "年度重点"],
            ["C-002", "C", "为企业办实事清单", "省审计厅", "海口海关", "年底", "年度重点"],
            ["E-001", "E", "机关党员到社区报到服务", "海口海关", "", "常态化", "常态化"],
            ["F-001", "F", "机关保密和网络安全责任制落实", "省委办公厅", "", "2025-09-30", "年度重点"],
            ["F-002", "F", "机关意识形态工作责任制落实", "省审计厅", "", "上半年", "年度重点"],
        ]);

        var result = _world.Get<TaskImporter>().Import(path, year: 2025);

        Assert.Equal((8, 1, 2, 5), (result.Rows, result.Added, result.Changed, result.Unchanged));
        var tasks = _world.Get<RegistryStore>().TasksOfYear(2025).ToDictionary(t => t.Code);
        Assert.Equal(8, tasks.Count);
        Assert.Equal("完善机关党建主体责任清单并建立责任落实台账", tasks["A-002"].Content);
        Assert.Equal((new DateOnly(2025, 9, 30), "2025年9月底"), (tasks["B-001"].Deadline, tasks["B-001"].DeadlineText));
        Assert.Equal(["U01"], tasks["B-001"].CoUnits);
        Assert.Equal(("U02", new DateOnly(2025, 6, 30)), (tasks["F-002"].LeadUnit, tasks["F-002"].Deadline));

        using var c = _world.Get<LedgerDatabase>().Open();
        var history = c.Query<(string TaskCode, long ImportId, string Previous)>(
            "SELECT task_code, import_id, previous FROM task_history ORDER BY task_code").ToArray();
        Assert.Equal(["A-002", "B-001"], history.Select(h => h.TaskCode));
        var lastImport = c.ExecuteScalar<long>("SELECT MAX(id) FROM imports WHERE kind = 'tasks'");
        Assert.All(history, h => Assert.Equal(lastImport, h.ImportId));
        var oldA002 = JsonDocument.Parse(history[0].Previous).RootElement;
        Assert.Equal("完善机关党建主体责任清单", oldA002.GetProperty("Content").GetString());
        var oldB001 = JsonDocument.Parse(history[1].Previous).RootElement;
        Assert.Equal("2025-06-30", oldB001.GetProperty("Deadline").GetString());
        Assert.Equal(["U01", "U02"], oldB001.GetProperty("CoUnits").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public void Re_importing_a_list_without_some_tasks_keeps_them_and_says_so()
    {
        _world.ImportSmallRegistry();
        var path = Xlsx("tasks-short.xlsx", ["任务编号", "类别", "任务内容", "牵头单位", "配合单位", "完成时限", "清单类型"],
            [["A-001", "A", "严格落实“第一议题”制度", "省委办公厅", "", "长期坚持", "常态化"]]);

        var result = _world.Get<TaskImporter>().Import(path, year: 2025);

        Assert.Equal((0, 0, 1), (result.Added, result.Changed, result.Unchanged));
        Assert.Equal(7, _world.Get<RegistryStore>().TasksOfYear(2025).Count);
        Assert.Contains(result.Notes, n => n.Contains("6 项") && n.Contains("C-002"));
    }

    [Fact]
    public void Reads_deadlines_without_a_year_in_the_current_year_when_no_year_is_given()
    {
        ImportThreeUnits();
        _world.SetLocalTime(2026, 3, 2);
        var path = Xlsx("tasks-2026.xlsx", ["任务编号", "类别", "任务内容", "牵头单位", "完成时限"],
            [["A-003", "A", "严格落实“第一议题”制度", "省委办公厅", "6月底"]]);

        _world.Get<TaskImporter>().Import(path);

        Assert.Equal(new DateOnly(2026, 6, 30), _world.Get<RegistryStore>().TasksOfYear(2026).Single().Deadline);
    }

    [Fact]
    public void Reads_deadlines_without_a_year_in_the_new_year_in_the_small_hours_of_1_january_shanghai_time()
    {
        ImportThreeUnits();
        // 2026-01-01 05:00 in Shanghai, given as the UTC instant, as TimeProvider.System on a UTC server reports it.
        _world.Clock.SetUtcNow(new DateTimeOffset(2025, 12, 31, 21, 0, 0, TimeSpan.Zero));
        var path = Xlsx("tasks-2026.xlsx", ["任务编号", "类别", "任务内容", "牵头单位", "完成时限"],
            [["A-003", "A", "严格落实“第一议题”制度", "省委办公厅", "6月底"]]);

        _world.Get<TaskImporter>().Import(path);

        Assert.Equal(new DateOnly(2026, 6, 30), _world.Get<RegistryStore>().TasksOfYear(2026).Single().Deadline);
    }

    [Fact]
    public void Maps_the_content_column_by_its_own_header_when_an_extra_column_starting_with_the_same_word_comes_first()
    {
        ImportThreeUnits();
        var path = Xlsx("tasks.xlsx", ["任务编号", "类别", "任务来源", "任务内容", "牵头单位", "完成时限"],
            [["A-003", "A", "省委文件", "严格落实“第一议题”制度", "省委办公厅", "长期坚持"]]);

        _world.Get<TaskImporter>().Import(path, year: 2025);

        Assert.Equal("严格落实“第一议题”制度", _world.Get<RegistryStore>().TasksOfYear(2025).Single().Content);
    }

    private void ImportThreeUnits()
    {
        var path = Xlsx("units.xlsx", ["单位代码", "单位名称", "简称", "联络员", "联络员邮箱"],
        [
            ["U01", "中共海南省委办公厅", "省委办公厅", "王晓明", "swbgt@example.gov.cn"],
            ["U02", "海南省审计厅", "省审计厅", "李海燕", "ssjt@example.gov.cn"],
            ["U03", "中华人民共和国海口海关", "海口海关", "陈静", "hkhg@example.gov.cn"],
        ]);
        _world.Get<UnitImporter>().Import(path);
    }

    private string Xlsx(string name, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<object?>> rows)
    {
        var path = Path.Combine(_world.Root, name);
        AtomicFile.Write(path, s => SimpleXlsxWriter.Write(s, "Sheet1", headers, rows));
        return path;
    }

    private string Csv(string name, string encoding, string text)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var crlf = text.ReplaceLineEndings("\r\n");
        byte[] bytes = encoding switch
        {
            "utf-8 with BOM" => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(crlf)],
            "utf-8 without BOM" => new UTF8Encoding(false).GetBytes(crlf),
            "GBK" => Encoding.GetEncoding("GBK").GetBytes(crlf),
            _ => throw new ArgumentOutOfRangeException(nameof(encoding)),
        };
        if (encoding == "GBK") Assert.Throws<DecoderFallbackException>(() => new UTF8Encoding(false, true).GetString(bytes)); // really not UTF-8
        var path = Path.Combine(_world.Root, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private IReadOnlyList<TaskItem> AllTasks() =>
        _world.Get<RegistryStore>().ListYears().SelectMany(y => _world.Get<RegistryStore>().TasksOfYear(y.Year)).ToArray();

    private (int Tasks, int CoUnits, long History, long Imports) Counts()
    {
        using var c = _world.Get<LedgerDatabase>().Open();
        return (AllTasks().Count,
            AllTasks().Sum(t => t.CoUnits.Count),
            c.ExecuteScalar<long>("SELECT COUNT(*) FROM task_history"),
            c.ExecuteScalar<long>("SELECT COUNT(*) FROM imports"));
    }
}
