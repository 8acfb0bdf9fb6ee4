using ReportWorker.Documents.Fonts;
using ReportWorker.Documents.Layout;
using ReportWorker.Documents.Text;

namespace ReportWorker.Tests.Documents;

public sealed class WordBreakTests
{
    private static readonly FontSet Fonts = FontSet.Default;
    private static readonly TextStyle Cell = TextStyle.Of(FontRole.Body, 10.5f);
    private static readonly LineBreaker Breaker = new(Fonts);

    private static IReadOnlyList<TextLine> Break(string text, float width) =>
        Breaker.Break(text, Cell, width, 0, TextAlign.Justify, new HashSet<int>(), BreakMode.Word);

    private static float Unbroken(string text) => Breaker.Break(text, Cell, 1e6f, 0, TextAlign.Left, new HashSet<int>())[0].Width;

    public static TheoryData<string> Texts() =>
    [
        "严格落实“第一议题”制度，及时跟进学习习近平总书记重要讲话和重要指示批示精神，形成工作台账并按季度报送进展",
        "组织实施矛盾纠纷多元化解工作中的党员调解员队伍，年底前形成总结报告",
        "截至2025年3月31日，累计销号31项，完成率15.9%，督〔2025〕Q1-003号于2025-09-30前办结",
        "省人力资源社会保障厅",
        "已销号（3月）",
    ];

    [Theory]
    [MemberData(nameof(Texts))]
    public void Lines_break_only_where_a_word_ends(string text)
    {
        var words = JiebaWordSegmenter.Instance.Segment(text);
        var ends = new HashSet<int>();
        var at = 0;
        foreach (var w in words) ends.Add(at += w.Length);
        foreach (var chars in new[] { 3, 4, 5, 6, 8, 10, 14 })
        {
            var width = chars * Cell.Size;
            var lines = Break(text, width);
            Assert.Equal(text, string.Concat(lines.Select(l => l.Text)));
            var offset = 0;
            foreach (var line in lines.SkipLast(1))
            {
                offset += line.Text.Length;
                if (ends.Contains(offset)) continue;
                // Only a word wider than the whole line may be cut.
                var (word, start) = WordAt(words, offset);
                Assert.True(Unbroken(word) > width, $"{chars} characters wide: “{text[..offset]}|{text[offset..]}” cuts {word} (at {start})");
            }
        }
    }

    [Theory]
    [InlineData("2025-09-30")]
    [InlineData("C-017")]
    [InlineData("77.2%")]
    [InlineData("2025年3月31日")]
    [InlineData("2025年12月31日")]
    [InlineData("督〔2025〕Q1-003")]
    [InlineData("2025年3月底")]
    public void Dates_numbers_and_codes_stay_whole_when_they_fit(string token)
    {
        var text = $"请各牵头单位于{token}前完成整改并报送材料";
        for (var chars = 3; chars <= 16; chars++)
        {
            var width = chars * Cell.Size;
            if (Unbroken(token) > width) continue;
            Assert.Contains(Break(text, width), l => l.Text.Contains(token, StringComparison.Ordinal));
        }
    }

    [Theory]
    [InlineData("省发展改革委")]
    [InlineData("省退役军人事务厅")]
    [InlineData("省人力资源社会保障厅")]
    [InlineData("2025年第一季度省直机关党建工作任务督办单")]
    public void No_line_is_one_character_left_alone(string text)
    {
        // From the width of the widest piece on, as a table column gets it (省人力资源, 省发展改革委: 5 and 6 characters).
        for (var chars = 6; chars <= 12; chars++)
            Assert.All(Break(text, chars * Cell.Size), l => Assert.True(l.Text.Length > 1, $"{chars}: {string.Join("|", Break(text, chars * Cell.Size).Select(x => x.Text))}"));
    }

    [Fact]
    public void A_word_wider_than_the_line_is_cut_rather_than_overflowing()
    {
        var width = 3 * Cell.Size;
        var lines = Break("党组理论学习中心组", width);
        Assert.All(lines, l => Assert.True(l.Width <= width + 0.01f));
        Assert.Equal("党组理论学习中心组", string.Concat(lines.Select(l => l.Text)));
    }

    [Fact]
    public void Closing_marks_never_start_a_line_and_opening_marks_never_end_one()
    {
        const string text = "开展“三会一课”规范化建设（含党小组会），推进党支部标准化、规范化建设。";
        for (var chars = 4; chars <= 12; chars++)
        {
            var lines = Break(text, chars * Cell.Size);
            Assert.All(lines.Skip(1), l => Assert.DoesNotContain(l.Text[0], "，。、；：）”》"));
            Assert.All(lines, l => Assert.DoesNotContain(l.Text[^1], "（“《"));
        }
    }

    private static (string Word, int Start) WordAt(IReadOnlyList<string> words, int offset)
    {
        var at = 0;
        foreach (var w in words)
        {
            if (offset > at && offset < at + w.Length) return (w, at);
            at += w.Length;
        }
        return ("", offset);
    }
}
