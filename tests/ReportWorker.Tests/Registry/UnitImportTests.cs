using Dapper;
using ReportWorker.Ledger;
using ReportWorker.Registry;
using ReportWorker.Spreadsheets;
using ReportWorker.Storage;
using ReportWorker.Tests.Support;

namespace ReportWorker.Tests.Registry;

public class UnitImportTests : IDisposable
{
    private readonly TestWorld _world = new();

    public void Dispose() => _world.Dispose();

    [Fact]
    public void Imports_units_below_a_title_row_with_variant_headers_extra_columns_and_blank_rows()
    {
        // A title row above the header; 电子邮箱 for 联络员邮箱; spaces and full-width brackets in headers.
        var path = Xlsx("单位名录.xlsx", ["2025年省直机关单位名录"],
        [
            ["序号", "单位 代码", "【单位名称】", "单位简称", "联络员（姓名）", "电子邮箱", "办公电话", "备注"],
            [null, null, null, null, null, null, null, null],
            ["1", "ｕ０１", "中共海南省委办公厅", "省委办公厅", "王晓明", "SWBGT@Example.gov.cn", "0898-65300001", "秘书处"],
            ["", "", "", "", "", "", "", ""],
            ["2", " U02 ", "海南省审计厅", "省审计厅", "李海燕；张伟", "ssjt＠example.gov.cn；ssjt.dj@example.gov.cn", "", ""],
            ["3", "U03", "中华人民共和国海口海关", "", "陈静", "hkhg@example.gov.cn", "", "垂直管理"],
        ]);

        var result = _world.Get<UnitImporter>().Import(path);

        Assert.Equal(3, result.Rows);
        Assert.Equal(3, result.Added);
        var units = _world.Get<RegistryStore>().Units();
        Assert.Equal(["U01", "U02", "U03"], units.Select(u => u.Code));
        Assert.Equal(["中共海南省委办公厅", "海南省审计厅", "中华人民共和国海口海关"], units.Select(u => u.Name));
        Assert.Equal(["省委办公厅", "省审计厅", "中华人民共和国海口海关"], units.Select(u => u.ShortName));
        Assert.Equal([new Liaison("王晓明", "swbgt@example.gov.cn")], units[0].Liaisons);
        Assert.Equal([new Liaison("李海燕", "ssjt@example.gov.cn"), new Liaison("张伟", "ssjt.dj@example.gov.cn")], units[1].Liaisons);
        Assert.Equal([1, 2, 3], units.Select(u => u.SortOrder));
    }

    [Fact]
    public void Rejects_unit_list_with_empty_code_duplicate_code_and_bad_email_naming_file_row_and_column_and_writes_nothing()
    {
        _world.ImportSmallRegistry();
        var before = Counts();
        var path = Xlsx("units-bad.xlsx", ["单位代码", "单位名称", "简称", "联络员", "联络员邮箱"],
        [
            ["U01", "中共海南省委办公厅（新）", "省委办公厅", "王晓明", "swbgt@example.gov.cn"],
            ["", "海南省财政厅", "省财政厅", "赵强", "czt@example.gov.cn"],
            ["U01", "海南省教育厅", "省教育厅", "钱程", "jyt@example.gov.cn"],
            ["U05", "海南省商务厅", "省商务厅", "孙丽", "swt.example.gov.cn"],
            ["U06", "海南省民政厅", "省民政厅", "周杰", ""],
        ]);

        var ex = Assert.Throws<RegistryImportException>(() => _world.Get<UnitImporter>().Import(path));

        Assert.All(ex.Errors, e => Assert.Equal("units-bad.xlsx", e.File));
        Assert.Contains(ex.Errors, e => e.Row == 3 && e.Column == "单位代码（A列）" && e.Problem.Contains("为空"));
        Assert.Contains(ex.Errors, e => e.Row == 4 && e.Column == "单位代码（A列）" && e.Problem.Contains("U01") && e.Problem.Contains("第2行"));
        Assert.Contains(ex.Errors, e => e.Row == 5 && e.Column == "联络员邮箱（E列）" && e.Problem.Contains("swt.example.gov.cn"));
        Assert.Contains(ex.Errors, e => e.Row == 6 && e.Column == "联络员邮箱（E列）");
        Assert.Equal(4, ex.Errors.Count);
        Assert.Contains("units-bad.xlsx 第5行 联络员邮箱（E列）", ex.Errors.Select(e => e.ToString()).Single(s => s.Contains("第5行")));
        Assert.Equal(before, Counts());
        Assert.Equal("中共海南省委办公厅", _world.Get<RegistryStore>().FindUnit("U01")!.Name);
    }

    [Fact]
    public void Re_importing_units_updates_by_code_and_adds_new_ones()
    {
        _world.ImportSmallRegistry();
        var path = Xlsx("units-2.xlsx", ["单位代码", "单位名称", "简称", "联络员", "联络员邮箱"],
        [
            ["U01", "中共海南省委办公厅", "省委办公厅", "王晓明", "swbgt@example.gov.cn"],
            ["U02", "海南省审计厅", "省审计厅", "刘洋", "liuyang@example.gov.cn"],
            ["U03", "中华人民共和国海口海关", "海口海关", "陈静", "hkhg@example.gov.cn"],
            ["U04", "海南省财政厅", "省财政厅", "赵强", "czt@example.gov.cn"],
        ]);

        var result = _world.Get<UnitImporter>().Import(path);

        Assert.Equal((1, 1, 2), (result.Added, result.Changed, result.Unchanged));
        var store = _world.Get<RegistryStore>();
        Assert.Equal([new Liaison("刘洋", "liuyang@example.gov.cn")], store.FindUnit("U02")!.Liaisons);
        Assert.DoesNotContain(store.Units(), u => u.Liaisons.Any(l => l.Email == "ssjt@example.gov.cn"));
        Assert.Equal("省财政厅", store.FindUnit("U04")!.ShortName);
    }

    [Fact]
    public void Maps_the_name_column_by_its_own_header_when_an_extra_column_starting_with_the_same_word_comes_first()
    {
        var path = Xlsx("units.xlsx", ["单位代码", "单位性质", "单位名称", "联络员", "联络员邮箱"],
        [
            ["U01", "党委部门", "中共海南省委办公厅", "王晓明", "swbgt@example.gov.cn"],
        ]);

        _world.Get<UnitImporter>().Import(path);

        Assert.Equal("中共海南省委办公厅", _world.Get<RegistryStore>().FindUnit("U01")!.Name);
    }

    private string Xlsx(string name, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<object?>> rows)
    {
        var path = Path.Combine(_world.Root, name);
        AtomicFile.Write(path, s => SimpleXlsxWriter.Write(s, "Sheet1", headers, rows));
        return path;
    }

    private (int Units, int Liaisons, long Imports) Counts()
    {
        using var c = _world.Get<LedgerDatabase>().Open();
        return (_world.Get<RegistryStore>().Units().Count, _world.Get<RegistryStore>().Units().Sum(u => u.Liaisons.Count),
            c.ExecuteScalar<long>("SELECT COUNT(*) FROM imports"));
    }
}
