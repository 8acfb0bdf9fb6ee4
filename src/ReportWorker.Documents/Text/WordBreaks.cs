using System.Text.RegularExpressions;

namespace ReportWorker.Documents.Text;

/// <summary>
/// Where a word-whole line may not break: inside a word the segmenter found (<see cref="Word"/>), and, by our
/// own rules (<see cref="Kept"/>), inside a date written in Chinese, around the year of a document number,
/// and wherever a single character would be left alone. A piece wider than the line is cut where our rules
/// joined it before it is cut inside a word. Latin words, numbers and codes (2025-09-30, C-017, 77.2%) are
/// already whole atoms in every mode.
/// </summary>
internal static partial class WordBreaks
{
    // 2025年3月31日, 2025年3月底, 2025年度, 3月31日: one unit, never 2025年3月 | 31日.
    [GeneratedRegex(@"\d{2,4}年度?(?:\d{1,2}月(?:\d{1,2}日|[底初])?)?|\d{1,2}月\d{1,2}日")]
    private static partial Regex ChineseDate();

    // The longest run of one-character words taken for one unknown word (省住建厅, 网信办): longer runs are
    // more likely a string of particles than one word.
    private const int UnknownWordMax = 4;

    // Particles and prepositions jieba gives as words of their own: never part of an unknown word (于|督〔2025〕).
    private const string FunctionCharacters = "的地得了着过和与及或并而且在于对为把被将从向由以等之是也都就各其";

    /// <summary>A line may break before this character.</summary>
    public const byte Free = 0;
    /// <summary>Our rules keep the characters on both sides together.</summary>
    public const byte Kept = 1;
    /// <summary>Inside a word.</summary>
    public const byte Word = 2;

    /// <summary>For each offset 0..Length of the text, how strongly a line may not break before that character.</summary>
    public static byte[] Joined(string text, IWordSegmenter segmenter)
    {
        var joined = new byte[text.Length + 1];
        if (HasHan(text)) JoinWords(text, segmenter.Segment(text), joined);
        foreach (Match m in ChineseDate().Matches(text))
        {
            for (var i = m.Index + 1; i < m.Index + m.Length; i++) Keep(joined, i);
            // A date ends where it ends, whatever the dictionary makes of its last character (31日|前, not 31|日前).
            joined[m.Index] = joined[m.Index + m.Length] = Free;
        }
        // 督〔2025〕Q1-003, 琼直工委通〔2025〕3号: the bracketed year binds to what is on both sides of it.
        for (var i = 1; i < text.Length; i++)
        {
            if (text[i] == '〔' && !char.IsWhiteSpace(text[i - 1])) Keep(joined, i);
            if (text[i - 1] == '〕' && !char.IsWhiteSpace(text[i])) Keep(joined, i);
        }
        return joined;
    }

    private static void Keep(byte[] joined, int i) => joined[i] = Math.Max(joined[i], Kept);

    private static void JoinWords(string text, IReadOnlyList<string> words, byte[] joined)
    {
        var starts = new int[words.Count + 1];
        for (var w = 0; w < words.Count; w++) starts[w + 1] = starts[w] + words[w].Length;
        // A segmenter that does not give the text back is not to be trusted with it: break as characters.
        if (starts[^1] != text.Length) return;
        for (var w = 0; w < words.Count; w++)
            for (var i = starts[w] + 1; i < starts[w + 1]; i++) joined[i] = Word;

        // Characters the dictionary does not know come back one by one: a short run of them is one word.
        for (var w = 0; w < words.Count;)
        {
            var end = w;
            while (end < words.Count && IsSingleHan(words[end]) && !FunctionCharacters.Contains(words[end][0])) end++;
            if (end - w is >= 2 and <= UnknownWordMax)
                for (var k = w + 1; k < end; k++) Keep(joined, starts[k]);
            w = Math.Max(end, w + 1);
        }

        // Never one character alone on the first or the last line: 省|发展改革委 → 省发展改革委.
        var first = NextWord(words, 0, 1);
        var second = NextWord(words, first + 1, 1);
        if (first >= 0 && second >= 0 && IsSingleHan(words[first]) && CharClass.IsHan(words[second][0])) Keep(joined, starts[second]);
        var last = NextWord(words, words.Count - 1, -1);
        var before = NextWord(words, last - 1, -1);
        if (last >= 0 && before >= 0 && IsSingleHan(words[last]) && EndsWithHan(words[before])) Keep(joined, starts[last]);
    }

    /// <summary>The next word from <paramref name="from"/> in the direction given that is not punctuation or space.</summary>
    private static int NextWord(IReadOnlyList<string> words, int from, int step)
    {
        for (var w = from; w >= 0 && w < words.Count; w += step)
            if (words[w].Any(c => CharClass.IsHan(c) || char.IsLetterOrDigit(c))) return w;
        return -1;
    }

    private static bool IsSingleHan(string word) => word.Length == 1 && CharClass.IsHan(word[0]);
    private static bool EndsWithHan(string word) => word.Length > 0 && CharClass.IsHan(word[^1]);
    private static bool HasHan(string text) => text.Any(c => CharClass.IsHan(c));
}
