using ReportWorker.Documents.Text;

namespace ReportWorker.Tests.Documents;

public sealed class WordSegmenterTests
{
    private static readonly IWordSegmenter Words = JiebaWordSegmenter.Instance;

    [Theory]
    [InlineData("关于2025年3月省直机关党建工作任务推进情况的通报", "省直机关|党建|工作|任务|推进|情况|通报")]
    [InlineData("中共海南省委省直机关工作委员会", "省直机关|工作|委员会")]
    [InlineData("省直机关工委对各单位牵头任务进行督办，已完成的予以销号", "省直机关|工委|督办|牵头|任务|销号")]
    public void Domain_terms_come_back_whole(string text, string expected)
    {
        var words = Words.Segment(text);
        Assert.Equal(text, string.Concat(words));
        Assert.All(expected.Split('|'), w => Assert.Contains(w, words));
    }

    [Theory]
    [InlineData("2025年第一季度省直机关党建工作任务督办单", "督办单")]
    [InlineData("省发展改革委", "发展改革委")]
    [InlineData("深入推进“四学联动”机制", "四学联动")]
    [InlineData("推动政务服务“一网通办”", "一网通办")]
    public void Our_corrections_to_the_dictionary_are_loaded(string text, string word) =>
        Assert.Contains(word, Words.Segment(text));

    [Fact]
    public void The_dictionary_is_read_from_the_build_output()
    {
        Assert.True(File.Exists(Path.Combine(JiebaWordSegmenter.DataFolder, "dict.txt")));
        Assert.StartsWith(AppContext.BaseDirectory, JiebaWordSegmenter.DataFolder, StringComparison.Ordinal);
    }

    [Fact]
    public void Threads_share_one_segmenter_and_get_the_same_words()
    {
        const string text = "关于2025年第一季度省直机关党建工作任务督办情况的通报";
        var results = new IReadOnlyList<string>[8];
        Parallel.For(0, results.Length, i => results[i] = Words.Segment(text));
        Assert.All(results, r => Assert.Equal(results[0], r));
    }
}
