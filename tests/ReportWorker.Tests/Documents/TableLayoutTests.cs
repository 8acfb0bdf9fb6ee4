using ReportWorker.Documents.Components;
using ReportWorker.Documents.Fonts;
using ReportWorker.Documents.Layout;
using ReportWorker.Documents.Text;

namespace ReportWorker.Tests.Documents;

public sealed class TableLayoutTests
{
    private static readonly PageSetup Page = PageSetup.GbT9704;

    private static readonly string[] Contents =
    [
        "严格落实“第一议题”制度，及时跟进学习习近平总书记重要讲话和重要指示批示精神，形成工作台账并按季度报送进展",
        "深入推进党组（党委）理论学习中心组学习，全年专题研讨不少于6次",
        "围绕封关运作设立党员先锋岗，保障“一线放开、二线管住”平稳运行",
        "组织实施“党建+项目”工作法，推动重点项目按期建成投产，年底前形成总结报告",
        "持续开展数字政府建设中的党员攻坚行动，推动政务服务“一网通办”",
        "扎实开展“12345”热线诉求办理中的党员责任岗",
        "健全矛盾纠纷多元化解工作中的党员调解员队伍",
    ];
    private static readonly string[] Units = ["省委办公厅", "省发展改革委", "省人力资源社会保障厅", "省市场监督管理局", "海口海关", "省住房城乡建设厅", "省退役军人事务厅", "省委网信办"];
    private static readonly string[] Deadlines = ["2025年3月底", "2025-09-30", "2025年12月31日", "2025/6/30", "上半年", "长期坚持", "常态化"];
    private static readonly string[] States = ["已销号（3月）", "序时推进", "未报送·逾期", "滞后", "未启动·逾期", "督〔2025〕Q1-003"];

    // The 月通报's attachment: 编号, 任务内容, 牵头单位, 完成时限, 状态, 进度 at 10.5 pt, with the weights it passes.
    private static Table Attachment() => new(
        [1.3f, 5.2f, 2.1f, 2.4f, 2.3f, 1.2f],
        [[.. new[] { "编号", "任务内容", "牵头单位", "完成时限", "状态", "进度" }.Select(t => new Cell(t, TextAlign.Center))]],
        [.. Enumerable.Range(0, 40).Select(i => (IReadOnlyList<Cell>)
        [
            new Cell($"{"ABCDEF"[i % 6]}-{i + 1:D3}", TextAlign.Center), Contents[i % Contents.Length], Units[i % Units.Length],
            new Cell(Deadlines[i % Deadlines.Length], TextAlign.Center), new Cell(States[i % States.Length], TextAlign.Center),
            new Cell(i % 4 == 0 ? "—" : $"{i * 2.5:0.#}%", TextAlign.Right),
        ])]) { FontSize = 10.5f };

    // The 月通报's unit ranking: eight columns of short headers over 156 mm at 12 pt.
    private static Table Ranking() => new(
        [1, 3.4f, 1.1f, 1.1f, 1.3f, 1, 1, 1.3f],
        [[.. new[] { "排名", "单位", "牵头任务", "累计销号", "完成率", "滞后", "逾期", "报送" }.Select(t => new Cell(t, TextAlign.Center))]],
        [.. Units.Select((u, i) => (IReadOnlyList<Cell>)[$"{i + 1}", u, "12", "3", "25.0%", "1", "0", "按时"])]);

    private static string[] LaidOutLines(Table table) =>
        [.. table.Layout(new LayoutContext(FontSet.Default, Page)).OfType<TableRowItem>().SelectMany(r => r.Lines)];

    [Fact]
    public void No_cell_line_is_a_single_chinese_character()
    {
        foreach (var table in new[] { Attachment(), Ranking() })
            Assert.All(LaidOutLines(table), l => Assert.False(l.Length == 1 && l[0] > 0x2E80, $"“{l}” alone on a line"));
    }

    [Fact]
    public void Dates_codes_numbers_and_headers_are_never_split_across_lines()
    {
        var lines = LaidOutLines(Attachment()).Concat(LaidOutLines(Ranking())).ToArray();
        string[] whole = ["2025-09-30", "2025年12月31日", "2025年3月底", "2025/6/30", "督〔2025〕Q1-003", "已销号", "A-001", "F-036", "92.5%", "省发展改革委"];
        Assert.All(whole, token => Assert.Contains(lines, l => l.Contains(token, StringComparison.Ordinal)));
        // Headers break only between their words, if at all.
        string[] broken = ["牵", "头任务", "牵头任", "累", "计销号", "完", "成时限"];
        Assert.All(lines, l => Assert.DoesNotContain(l, broken));
    }

    [Fact]
    public void Every_column_gets_at_least_its_widest_word_and_the_table_fills_the_text_width()
    {
        var context = new LayoutContext(FontSet.Default, Page);
        var table = Attachment();
        var pad = table.PaddingMm * PageSetup.PointsPerMm;
        var rows = table.HeaderRows.Select(r => (r, true)).Concat(table.Rows.Select(r => (r, false)));
        var (minimum, preferred) = ColumnWidths.Measure(6, rows, (c, h) => TextStyle.Of(h ? FontRole.Heading1 : FontRole.Body, 10.5f), context.Breaker, pad, context.Missing);
        var widths = ColumnWidths.Distribute(minimum, preferred, table.ColumnWeights, Page.TextWidth, 4 * 10.5f + 2 * pad);

        Assert.Equal(Page.TextWidth, widths.Sum(), 0.01f);
        for (var c = 0; c < 6; c++) Assert.InRange(widths[c], minimum[c] - 0.01f, preferred[c] + 0.01f);
        // The widest unbreakable pieces: a full date in 完成时限, a document-number code in 状态.
        var dateWidth = context.Breaker.Break("2025年12月31日", TextStyle.Of(FontRole.Body, 10.5f), 1e6f, 0, TextAlign.Left, context.Missing)[0].Width;
        Assert.True(minimum[3] >= dateWidth + 2 * pad - 0.01f);
    }

    [Fact]
    public void Space_is_shared_by_what_each_column_still_wants()
    {
        float[] minimum = [30, 40, 50], preferred = [30, 240, 90];
        var widths = ColumnWidths.Distribute(minimum, preferred, [1, 1, 1], 220, 20);
        Assert.Equal(220, widths.Sum(), 0.01f);
        Assert.Equal(30, widths[0], 0.01f);                       // wants nothing more
        Assert.Equal((widths[1] - 40) / 200, (widths[2] - 50) / 40, 0.001f);   // in proportion to preferred − minimum
    }

    [Fact]
    public void A_short_column_is_given_all_it_wants_before_a_long_one_shares_the_rest()
    {
        // The 督办单: labels (督办编号, 原完成时限) beside paragraphs.
        var widths = ColumnWidths.Distribute([31, 60], [67, 1000], [1.6f, 6], 442, 50);
        Assert.Equal([67f, 375f], widths);
    }

    [Fact]
    public void When_everything_fits_on_one_line_the_surplus_follows_the_preferred_widths()
    {
        var widths = ColumnWidths.Distribute([20, 20], [50, 100], [5, 1], 300, 10);
        Assert.Equal([100, 200], widths);
    }

    [Fact]
    public void Minimums_wider_than_the_page_are_given_up_by_the_columns_with_the_most_text_first()
    {
        float[] minimum = [40, 60, 200, 300], preferred = [40, 60, 400, 500];
        Assert.Equal([40f, 60f, 200f, 100f], ColumnWidths.Distribute(minimum, preferred, [1, 1, 1, 1], 400, 50));
        Assert.Equal([40f, 60f, 50f, 50f], ColumnWidths.Distribute(minimum, preferred, [1, 1, 1, 1], 200, 50));
        // Past every column's floor, the widest are cut to one common width.
        Assert.Equal([37.5f, 37.5f, 37.5f, 37.5f], ColumnWidths.Distribute(minimum, preferred, [1, 1, 1, 1], 150, 50));
    }

    [Fact]
    public void A_code_alone_in_its_column_stays_whole_when_the_minimums_overflow_by_a_little()
    {
        // The 季督办's list at 12 pt: its minimums need more than 156 mm.
        var rows = Enumerable.Range(1, 3).Select(i => (IReadOnlyList<Cell>)
        [
            new Cell($"督〔2025〕Q1-{i:D3}", TextAlign.Center), new Cell("黄色", TextAlign.Center),
            "A-001 扎实开展“第一议题”制度，及时跟进学习习近平总书记重要讲话和重要指示批示精神（完成时限（2025年12月31日）已到，季末仍未完成）",
            "省人力资源社会保障厅", new Cell("2025年12月31日", TextAlign.Center), new Cell("2025年12月31日", TextAlign.Center),
        ]).ToArray();
        var table = new Table([2.3f, 1, 4.6f, 2, 1.8f, 1.9f],
            [[.. new[] { "督办编号", "等级", "任务", "牵头单位", "原完成时限", "整改时限" }.Select(t => new Cell(t, TextAlign.Center))]], rows) { FontSize = 12 };
        var context = new LayoutContext(FontSet.Default, Page);
        var pad = table.PaddingMm * PageSetup.PointsPerMm;
        var (minimum, _) = ColumnWidths.Measure(6, table.HeaderRows.Select(r => (r, true)).Concat(table.Rows.Select(r => (r, false))),
            (c, h) => TextStyle.Of(h ? FontRole.Heading1 : FontRole.Body, 12), context.Breaker, pad, context.Missing);
        Assert.True(minimum.Sum() > Page.TextWidth);

        var lines = LaidOutLines(table);
        Assert.Contains("督〔2025〕Q1-001", lines);
        Assert.Contains("2025年12月31日", lines);
    }

    [Fact]
    public void A_table_with_no_text_is_divided_by_its_weights()
    {
        Assert.Equal([100, 300], ColumnWidths.Distribute([0, 0], [0, 0], [1, 3], 400, 10));
    }
}
