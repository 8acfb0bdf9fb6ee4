using ReportWorker.Registry;
using ReportWorker.Spreadsheets;

namespace ReportWorker.Tests.Registry;

public sealed class HeaderMapTests
{
    private static readonly ColumnSpec[] Specs =
    [
        new("code", "任务编号", true, "任务编号", "编号"),
        new("content", "任务内容", true, "任务内容", "工作任务"),
        new("lead", "牵头单位", true, "牵头单位", "责任单位"),
        new("deadline", "完成时限", false, "完成时限", "时限"),
    ];

    [Fact]
    public void Finds_the_header_below_a_title_and_maps_columns_whatever_their_order_spacing_and_brackets()
    {
        var sheet = Sheet(
            ["2025年度党建工作任务清单"],
            [],
            ["备注", "完成时限（必填）", " 责任 单位 ", "【任务编号】", "任务内容"],
            ["", "2025-06-30", "省审计厅", "C-001", "开展试点"]);

        var map = HeaderMap.Find(sheet, Specs);

        Assert.NotNull(map);
        Assert.Equal(3, map.HeaderRow);
        Assert.Equal((4, 5, 3, 2), (map.ColumnOf("code"), map.ColumnOf("content"), map.ColumnOf("lead"), map.ColumnOf("deadline")));
        Assert.Equal("省审计厅", map.Text(sheet.Rows[3], "lead"));
        Assert.Equal("牵头单位（C列）", map.Describe(Specs[2]));
        Assert.Empty(map.Missing(Specs));
    }

    [Fact]
    public void Matches_full_width_letters_and_a_header_that_only_starts_with_the_expected_text()
    {
        var sheet = Sheet(["任务编号", "工作任务及要求", "牵头单位（部门）"]);

        var map = HeaderMap.Find(sheet, Specs);

        Assert.NotNull(map);
        Assert.Equal((1, 2, 3), (map.ColumnOf("code"), map.ColumnOf("content"), map.ColumnOf("lead")));
        Assert.Null(map.ColumnOf("deadline"));
        Assert.Empty(map.Missing(Specs));
    }

    [Fact]
    public void Reports_required_columns_that_are_missing()
    {
        var sheet = Sheet(["任务编号", "任务内容", "备注"]);

        var map = HeaderMap.Find(sheet, Specs);

        Assert.NotNull(map);
        Assert.Equal(["lead"], map.Missing(Specs).Select(s => s.Key));
    }

    [Fact]
    public void Finds_no_header_when_fewer_than_two_columns_are_recognised()
    {
        var sheet = Sheet(["任务编号", "说明"], ["A-001", "x"]);

        Assert.Null(HeaderMap.Find(sheet, Specs));
    }

    [Theory]
    [InlineData(1, "A")]
    [InlineData(10, "J")]
    [InlineData(26, "Z")]
    [InlineData(27, "AA")]
    [InlineData(52, "AZ")]
    [InlineData(703, "AAA")]
    public void Names_columns_with_excel_letters(int column, string letters) =>
        Assert.Equal(letters, HeaderMap.ColumnLetter(column));

    private static Sheet Sheet(params string[][] rows) =>
        new("Sheet1", false, rows.Select((cells, i) => new SheetRow(i + 1,
            cells.Select((text, c) => (c, text)).Where(x => x.text.Length > 0).ToDictionary(x => x.c + 1, x => new CellValue(x.text)))).ToArray());
}
