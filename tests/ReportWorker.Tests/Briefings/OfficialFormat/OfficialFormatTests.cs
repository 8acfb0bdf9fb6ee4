using static ReportWorker.Tests.Briefings.OfficialFormat.PdfGeometry;

namespace ReportWorker.Tests.Briefings.OfficialFormat;

/// <summary>
/// The sample province's issued briefings measured as GB/T 9704-2012 and issue 14 ask: the 2025-03 月通报, the
/// 2025Q1 季督办 and every one of its 督办单, the 2025 考核结果通报 (<see cref="IssuedBriefings"/>: one `demo` run).
/// Each test measures every document it applies to and reports every failure it finds — document, page, line,
/// measured millimetres — rather than stopping at the first.
/// </summary>
public sealed partial class OfficialFormatTests(IssuedBriefings issued) : IClassFixture<IssuedBriefings>
{
    [Fact]
    public void The_measured_documents_are_the_files_the_demo_issued()
    {
        // What PageLines says is what the PDF on disk shows only if issuing again gave the same bytes.
        Assert.Equal(issued.AsIssued[issued.Monthly.Path], issued.Monthly.Document.Pdf);
        Assert.Equal(issued.AsIssued[issued.Quarterly.SummaryPath], issued.Quarterly.Summary.Pdf);
        Assert.Equal(issued.AsIssued[issued.Assessment.NoticePath!], issued.Assessment.Notice!.Pdf);
        Assert.All(issued.Quarterly.Slips, s => Assert.Equal(issued.AsIssued[s.Path], File.ReadAllBytes(s.Path)));
        Assert.NotEmpty(issued.Quarterly.Slips);
    }

    [Fact]
    public void The_red_organ_name_stands_where_the_documents_format_puts_it()
    {
        var findings = new List<Finding>();
        foreach (var doc in issued.Documents)
        {
            var page = doc.Pages[0];
            var red = page.Letters.Where(l => !string.IsNullOrWhiteSpace(l.Value) && IsRed(l.Color)).ToArray();
            var at = string.Concat(red.Select(l => l.Value)).IndexOf(GbT9704.MastheadOf(doc.Kind), StringComparison.Ordinal);
            if (at < 0)
            {
                findings.Add(new(doc, 1, $"no red “{GbT9704.MastheadOf(doc.Kind)}” (red text on the page: “{string.Concat(red.Select(l => l.Value))}”)"));
                continue;
            }
            var top = red.Skip(at).Take(GbT9704.MastheadOf(doc.Kind).Length).Max(l => l.BoundingBox.Top);
            var format = GbT9704.FormatOf(doc.Kind);
            var (expected, tolerance, from) = GbT9704.OrganTop(format);
            var measured = Mm((format == OfficialFormatKind.File ? BlockTop(page) : page.Height) - top);
            if (Math.Abs(measured - expected) > tolerance)
                findings.Add(new(doc, null, $"the organ name's top edge is {measured:0.0} mm {from}, expected {expected} ± {tolerance} mm (glyph top at y = {top:0.0} pt of {page.Height:0.0})"));
        }
        NoFailures(findings, "organ name position");
    }

    [Fact]
    public void The_page_number_dash_is_7_mm_below_the_text_block_odd_pages_right_even_pages_left()
    {
        var findings = new List<Finding>();
        foreach (var doc in issued.Documents)
        {
            var numbered = 0;
            foreach (var page in doc.Pages)
            {
                var below = page.Letters.Where(l => !string.IsNullOrWhiteSpace(l.Value) && l.BoundingBox.Top < BlockBottom(page)).ToArray();
                var dashes = below.Where(l => l.Value == "—").ToArray();
                if (dashes.Length == 0) continue;
                numbered++;
                var number = below.Where(l => Math.Abs(l.StartBaseLine.Y - dashes[0].StartBaseLine.Y) < 1).OrderBy(l => l.BoundingBox.Left).ToArray();
                var dashTop = dashes.Max(l => l.BoundingBox.Top);
                var gap = Mm(BlockBottom(page) - dashTop);
                if (Math.Abs(gap - GbT9704.PageNumberDashMm) > GbT9704.PageNumberToleranceMm)
                    findings.Add(new(doc, page.Number, $"the dash of “— N —” has its top {gap:0.00} mm below the text block's bottom edge, expected {GbT9704.PageNumberDashMm} ± {GbT9704.PageNumberToleranceMm} mm"));
                var (left, right) = (number.Min(l => l.BoundingBox.Left), number.Max(l => l.BoundingBox.Right));
                var odd = page.Number % 2 == 1;
                var side = (left + right) / 2 > page.Width / 2 ? "right" : "left";
                var inset = odd ? Mm(BlockRight - right) : Mm(left - BlockLeft);
                if (side != (odd ? "right" : "left") || inset < -0.5 || inset > 10)
                    findings.Add(new(doc, page.Number, $"“{string.Concat(number.Select(l => l.Value))}” on an {(odd ? "odd" : "even")} page stands on the {side}, " +
                        $"{inset:0.0} mm in from the text block's {(odd ? "right" : "left")} edge; expected {(odd ? "right" : "left")}, within 10 mm of that edge"));
            }
            if (numbered == 0) findings.Add(new(doc, null, "no page carries a “— N —” page number below the text block"));
        }
        NoFailures(findings, "page numbers");
    }

    /// <summary>A failure in one document (on one page, or in the whole document when <paramref name="Page"/> is null).</summary>
    private sealed record Finding(Measured Doc, int? Page, string Detail);

    /// <summary>Fails listing every finding; alike findings of one family (the quarter's 督办单) or on several pages are listed once.</summary>
    private static void NoFailures(IReadOnlyCollection<Finding> findings, string what) => NoFailures(
        findings.GroupBy(f => (f.Doc.Family, f.Detail)).Select(g =>
        {
            var docs = g.Select(f => f.Doc).Distinct().ToArray();
            var pages = g.Where(f => f.Page is not null).Select(f => f.Page!.Value).Distinct().Order().ToArray();
            var where = docs.Length == 1 ? docs[0].Name : $"{g.Key.Family} ×{docs.Length} ({string.Join(", ", docs.Select(d => d.Name[(g.Key.Family.Length + 1)..].Split(' ')[0]))})";
            return $"{where}{(pages.Length == 0 ? "" : pages.Length == 1 ? $" page {pages[0]}" : $" pages {Ranges(pages)}")}: {g.Key.Detail}";
        }).ToArray(), what);

    private static string Ranges(IReadOnlyList<int> pages) => string.Join(", ", pages
        .Select((p, i) => (p, key: p - i)).GroupBy(x => x.key).Select(g => g.First().p == g.Last().p ? $"{g.First().p}" : $"{g.First().p}–{g.Last().p}"));

    private static void NoFailures(IReadOnlyCollection<string> failures, string what) =>
        Assert.True(failures.Count == 0, $"{what}: {failures.Count} failure(s)\n  " + string.Join("\n  ", failures));
}
