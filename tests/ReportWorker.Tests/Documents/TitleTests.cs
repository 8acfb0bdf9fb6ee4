using ReportWorker.Documents.Components;
using ReportWorker.Documents.Fonts;
using ReportWorker.Documents.Layout;
using ReportWorker.Documents.Text;

namespace ReportWorker.Tests.Documents;

public sealed class TitleTests
{
    private static readonly PageSetup Page = PageSetup.GbT9704;
    private static readonly LayoutContext Context = new(FontSet.Default, Page);

    private static string[] Lines(string title) =>
        [.. new Title(title).Layout(Context).OfType<TextLineItem>().Select(i => i.Line.Text)];

    private static float[] Widths(string title) =>
        [.. new Title(title).Layout(Context).OfType<TextLineItem>().Select(i => i.Line.Width)];

    [Theory]
    [InlineData("关于2025年3月省直机关党建工作任务推进情况的通报", "关于2025年3月省直机关|党建工作任务推进情况的通报")]
    [InlineData("关于2025年第一季度省直机关党建工作任务督办情况的通报", "关于2025年第一季度省直机关|党建工作任务督办情况的通报")]
    [InlineData("关于2025年度省直机关党建工作考核结果的通报", "关于2025年度省直机关|党建工作考核结果的通报")]
    public void Example_titles_break_between_words_into_a_trapezoid(string title, string expected)
    {
        Assert.Equal(expected.Split('|'), Lines(title));
    }

    public static TheoryData<string> Titles() =>
    [
        "关于2025年3月省直机关党建工作任务推进情况的通报",
        "关于2025年第一季度省直机关党建工作任务督办情况的通报",
        "关于2025年度省直机关党建工作考核结果的通报",
        "2025年第一季度省直机关党建工作任务督办单",
        "关于进一步加强和改进省直机关党的建设工作推动全面从严治党向纵深发展落实落地的实施意见",
        "中共海南省委省直机关工作委员会关于表彰2025年度省直机关党建工作先进单位和优秀党务工作者的决定",
    ];

    [Theory]
    [MemberData(nameof(Titles))]
    public void A_long_title_keeps_its_words_whole_and_its_lines_in_a_trapezoid_or_diamond(string title)
    {
        var lines = Lines(title);
        var widths = Widths(title);
        Assert.Equal(title, string.Concat(lines));
        Assert.All(widths, w => Assert.True(w <= Page.TextWidth - 2 * Page.CharPitch + 0.01f));
        // Word-whole: every break falls where jieba ends a word.
        var ends = new HashSet<int>();
        var at = 0;
        foreach (var word in JiebaWordSegmenter.Instance.Segment(title)) ends.Add(at += word.Length);
        at = 0;
        foreach (var line in lines.SkipLast(1)) Assert.Contains(at += line.Length, ends);
        // Never a character or two alone, never 关于 parted from what it is about, never a line starting with 的.
        Assert.All(lines, l => Assert.True(l.Length > 2, l));
        Assert.All(lines, l => Assert.False(l.EndsWith("关于", StringComparison.Ordinal) || l.StartsWith('的'), l));
        if (lines.Length == 2)
            Assert.InRange(widths[0] / widths[1], 0.4f, 1.1f);   // a positive trapezoid, or balanced
        else if (lines.Length >= 3)
        {
            // No waist: the lines grow to the longest and shrink after it (a trapezoid either way or a diamond).
            var longest = Array.IndexOf(widths, widths.Max());
            for (var i = 1; i <= longest; i++) Assert.True(widths[i - 1] <= widths[i] + 0.01f, string.Join("|", lines));
            for (var i = longest + 1; i < widths.Length; i++) Assert.True(widths[i - 1] >= widths[i] - 0.01f, string.Join("|", lines));
        }
    }

    [Fact]
    public void A_short_title_stays_on_one_line()
    {
        Assert.Equal(["关于开展2025年度党建工作考核的通知"], Lines("关于开展2025年度党建工作考核的通知"));
    }

    [Fact]
    public void A_line_break_the_author_wrote_is_kept()
    {
        Assert.Equal(["省直机关党建工作", "任务清单"], Lines("省直机关党建工作\n任务清单"));
    }

    [Fact]
    public void The_arrangement_rule_prefers_a_trapezoid_over_an_inverted_one_and_both_over_a_lonely_word()
    {
        var trapezoid = Title.Cost(["关于2025年度省直机关", "党建工作考核结果的通报"], [10.4f, 11f]);
        var inverted = Title.Cost(["关于2025年度省直机关党建", "工作考核结果的通报"], [12.4f, 9f]);
        var lonely = Title.Cost(["关于2025年度省直机关党建工作考核结果的", "通报"], [19.2f, 2f]);
        var afterAbout = Title.Cost(["关于", "2025年度省直机关党建工作考核结果的通报"], [2f, 19.2f]);
        Assert.True(trapezoid < inverted);
        Assert.True(inverted < lonely);
        Assert.True(inverted < afterAbout);
    }
}
