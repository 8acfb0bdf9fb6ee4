using ReportWorker.Documents.Fonts;
using ReportWorker.Documents.Layout;
using ReportWorker.Documents.Text;

namespace ReportWorker.Tests.Documents;

public sealed class LineBreakerTests
{
    private static readonly FontSet Fonts = FontSet.For(FontConfiguration.Default);
    private static readonly PageSetup Page = PageSetup.GbT9704;
    private static readonly TextStyle Body = new(FontRole.Body, 16, ReportWorker.Documents.Rgb.Black, Page.CharPitch);
    private const string NoStart = "，。、；：？！）》」』”’〕】…%";
    private const string NoEnd = "（《「『“‘〔【";

    private static IReadOnlyList<TextLine> Break(string text, float width, TextStyle? style = null) =>
        new LineBreaker(Fonts).Break(text, style ?? Body, width, 0, TextAlign.Justify, new HashSet<int>());

    private static readonly string Prose =
        "为推动年度党建工作任务清单落地见效，根据“月通报、季督办、年考核”工作机制，现将2025年3月任务推进情况通报如下。" +
        "截至2025年3月31日，年度任务清单共298项（其中常态化任务104项、年度重点任务194项），完成率77.2%；" +
        "联系邮箱：dangjian-report@example.gov.cn，任务编号如C-017、A-001等以《年度党建工作任务清单》为准！各单位要认真对照检查？" +
        "请于4月15日前报送。";

    public static TheoryData<float> Widths() => [.. Enumerable.Range(8, 21).Select(n => n * Page.CharPitch)];

    [Theory]
    [MemberData(nameof(Widths))]
    public void No_line_starts_with_closing_punctuation_or_ends_with_an_opening_mark(float width)
    {
        var lines = Break(Prose, width);

        Assert.Equal(Prose, string.Concat(lines.Select(l => l.Text)));
        foreach (var line in lines.Skip(1)) Assert.DoesNotContain(line.Text[0], NoStart);
        foreach (var line in lines) Assert.DoesNotContain(line.Text[^1], NoEnd);
    }

    [Theory]
    [MemberData(nameof(Widths))]
    public void Latin_runs_numbers_codes_and_addresses_are_never_split(float width)
    {
        var lines = Break(Prose, width).Select(l => l.Text).ToArray();
        foreach (var token in new[] { "2025年", "77.2%", "C-017", "A-001", "298项", "dangjian-report@example.gov.cn" })
        {
            if (Break(token, 1e6f).Single().Width > width) continue; // wider than the line: it has to be cut
            Assert.Contains(lines, l => l.Contains(token, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Full_lines_are_justified_to_the_measure_unless_that_would_space_them_out_and_the_last_line_is_not()
    {
        var width = 20 * Page.CharPitch;
        var lines = Break(Prose, width);
        Assert.All(lines, l => Assert.True(l.Width <= width + 0.01f));
        // A line may end short (a long address moved down) rather than be spaced out past what a reader copies as spaces.
        Assert.All(lines, l => Assert.True(WidestGap(l) <= (LineSetter.MaxStretchEm + TextAtoms.MaxBlankEm) * Body.Size + 0.01f, l.Text));
        Assert.True(lines.SkipLast(1).Count(l => Math.Abs(l.Width - width) < 0.01f) > lines.Count / 2);
        Assert.True(lines[^1].Width < width);
    }

    /// <summary>The widest blank between two glyphs of a line beyond the glyph's own advance: what a reader may copy as a space.</summary>
    internal static float WidestGap(TextLine line) => line.Glyphs.Zip(line.Glyphs.Skip(1))
        .Select(p => p.Second.X - (p.First.X + Fonts.Faces[p.First.Face].Advance(p.First.Codepoint) * line.Style.Size))
        .DefaultIfEmpty(0).Max();

    [Fact]
    public void A_body_line_holds_28_characters_on_the_grid()
    {
        var text = string.Concat(Enumerable.Repeat("机关党建工作任务推进情况通报", 20)); // 280 characters, no punctuation
        var lines = Break(text, Page.TextWidth);
        Assert.Equal(10, lines.Count);
        Assert.All(lines, l => Assert.Equal(28, l.Glyphs.Length));
    }

    [Fact]
    public void Mixed_chinese_and_latin_share_a_line_and_keep_their_order()
    {
        var lines = Break("本月共收到40份报表，其中PDF 2份、Excel 38份。", Page.TextWidth);
        var line = Assert.Single(lines);
        Assert.Equal("本月共收到40份报表，其中PDF 2份、Excel 38份。", line.Text);
        Assert.True(line.Glyphs.Zip(line.Glyphs.Skip(1)).All(p => p.First.X < p.Second.X));
    }

    [Fact]
    public void A_word_longer_than_the_line_is_cut_rather_than_overflowing()
    {
        var width = 6 * Page.CharPitch;
        var lines = Break("https://example.gov.cn/a/very/long/path/that/cannot/fit", width);
        Assert.True(lines.Count > 1);
        Assert.All(lines, l => Assert.True(l.Width <= width + 0.01f));
    }

    [Fact]
    public void Characters_no_font_has_are_reported_and_left_out()
    {
        var missing = new HashSet<int>();
        var lines = new LineBreaker(Fonts).Break("张喆同志", Body, Page.TextWidth, 0, TextAlign.Left, missing);
        Assert.Equal([0x5586], missing);
        Assert.Equal("张同志", lines.Single().Text);
    }
}
