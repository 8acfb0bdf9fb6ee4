using static ReportWorker.Tests.Briefings.OfficialFormat.PdfGeometry;

namespace ReportWorker.Tests.Briefings.OfficialFormat;

/// <summary>Titles (2号, 22 pt, centred, black) break only between words.</summary>
public sealed partial class OfficialFormatTests
{
    /// <summary>A title as printed: its lines, top to bottom.</summary>
    private sealed record PrintedTitle(Measured Document, int Page, IReadOnlyList<string> Lines)
    {
        public string Text => string.Concat(Lines);
        /// <summary>Offsets in <see cref="Text"/> where a line ends.</summary>
        public IEnumerable<int> Breaks => Lines.SkipLast(1).Select((_, i) => Lines.Take(i + 1).Sum(l => l.Length));
        public string Shown(int at) => $"{Text[..at]}｜{Text[at..]}";
        public override string ToString() => $"{Document} page {Page}";
    }

    /// <summary>
    /// The titles of every measured document (the document's and its attachment's): runs of black lines set at title
    /// size (20–26 pt; the red organ name and the 3号 body excluded), read back from the PDF.
    /// </summary>
    private IReadOnlyList<PrintedTitle> Titles() =>
    [
        .. issued.Documents.SelectMany(doc => doc.Pages.SelectMany(page =>
        {
            var titles = new List<PrintedTitle>();
            List<string>? run = null;
            foreach (var line in Lines(page))
            {
                if (line.Black && line.Size is >= 20 and <= 26) (run ??= []).Add(line.Text);
                else if (run is not null) { titles.Add(new PrintedTitle(doc, page.Number, run)); run = null; }
            }
            if (run is not null) titles.Add(new PrintedTitle(doc, page.Number, run));
            return titles;
        })),
    ];

    [Fact]
    public void Titles_do_not_break_inside_the_words_issue_14_saw_broken()
    {
        var titles = Titles();
        Assert.Contains(titles, t => t.Document.Kind == DocumentKind.MonthlyNotice && t.Text.Contains("推进情况的通报", StringComparison.Ordinal));
        var findings = (from t in titles
                        from at in t.Breaks
                        let bad = GbT9704.KnownBadTitleBreaks.Where(b => t.Text[..at].EndsWith(b.Before, StringComparison.Ordinal) && t.Text[at..].StartsWith(b.After, StringComparison.Ordinal)).ToArray()
                        where bad.Length > 0
                        select new Finding(t.Document, t.Page, $"“{t.Shown(at)}” breaks {string.Join(" and ", bad.Select(b => $"{b.Before}｜{b.After}"))}")).ToArray();
        NoFailures(findings, "title breaks inside known words");
    }

    [Fact]
    public void Titles_break_only_between_words_as_jieba_segments_them()
    {
        JiebaWords.Require();
        var titles = Titles().Where(t => t.Lines.Count > 1).ToArray();
        var inside = JiebaWords.InsideWords(titles.Select(t => t.Text).ToArray());
        var findings = titles.Zip(inside).SelectMany(p => p.First.Breaks.Where(p.Second.Contains)
            .Select(at => new Finding(p.First.Document, p.First.Page, $"“{p.First.Shown(at)}” breaks inside a word ({p.First.Text[at - 1]}｜{p.First.Text[at]})"))).ToArray();
        NoFailures(findings, "title breaks inside words (jieba)");
    }
}
