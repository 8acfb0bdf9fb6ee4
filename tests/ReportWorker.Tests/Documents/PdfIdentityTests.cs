using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using ReportWorker.Documents.Components;
using ReportWorker.Documents.Rendering;
using ReportWorker.Documents.Samples;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Tokens;

namespace ReportWorker.Tests.Documents;

/// <summary>
/// What other programs read about a PDF besides its pages: subset font names (merging tools), the language
/// (screen readers), who made it (PDF/A wants Info and XMP to agree), and whether it parses (qpdf, poppler).
/// </summary>
public sealed class PdfIdentityTests
{
    private static readonly Lazy<RenderedDocument> Sample = new(() => SampleDocument.Create(tableRows: 5).Render());

    private static byte[] Notice(string text) =>
        new Document(new DocumentMetadata("t", "a", "s", DateTimeOffset.UnixEpoch)).Add(new Paragraph(text)).Render().Pdf;

    /// <summary>Each embedded font's tag by font name, after checking that its /BaseFont names agree with its descriptor's /FontName.</summary>
    private static Dictionary<string, string> Tags(byte[] pdf)
    {
        var text = Encoding.Latin1.GetString(pdf);
        var descriptors = Regex.Matches(text, @"/FontName /([A-Z]{6})\+(\S+)").ToDictionary(m => m.Groups[2].Value, m => m.Groups[1].Value);
        foreach (Match font in Regex.Matches(text, @"/BaseFont /([A-Z]{6})\+(\S+)"))
            Assert.Equal(descriptors[font.Groups[2].Value], font.Groups[1].Value);
        return descriptors;
    }

    [Fact]
    public void Subset_tags_differ_for_different_text_and_are_equal_for_the_same_text()
    {
        var a = Tags(Notice("各单位要压实责任，按期销号。"));
        var same = Tags(Notice("各单位要压实责任，按期销号。"));
        var other = Tags(Notice("逾期任务须说明原因并限期整改。"));

        Assert.Equal(a, same);
        var body = Assert.Single(a.Keys, k => k.StartsWith("NotoSerifCJKsc-Regular", StringComparison.Ordinal));
        Assert.NotEqual(a[body], other[body]);
        Assert.NotEqual("AAAAAA", a[body]);
    }

    [Fact]
    public void Each_font_in_a_document_gets_its_own_tag_and_its_dictionaries_name_the_descriptors_tag()
    {
        var tags = Tags(Sample.Value.Pdf);

        Assert.Equal(4, tags.Count);
        Assert.Equal(4, tags.Values.Distinct().Count());
        Assert.DoesNotContain(tags.Values, t => Regex.IsMatch(t, "^[A-Z]AAAAA$")); // Skia's AAAAAA, BAAAAA …
    }

    [Fact]
    public void The_catalog_says_the_text_is_chinese_with_or_without_bookmarks()
    {
        foreach (var pdf in new[] { Sample.Value.Pdf, Notice("无书签的通知。") })
        {
            using var document = PdfDocument.Open(pdf);
            var lang = Assert.IsType<StringToken>(document.Structure.Catalog.CatalogDictionary.Data["Lang"]);
            Assert.Equal("zh-CN", lang.Data);
        }
        Assert.False(PdfDocument.Open(Notice("无书签的通知。")).TryGetBookmarks(out _));
    }

    [Fact]
    public void Info_and_xmp_name_the_same_producer_skia_and_this_library_and_the_same_creator()
    {
        using var pdf = PdfDocument.Open(Sample.Value.Pdf);
        Assert.True(pdf.TryGetXmpMetadata(out var xmp));
        var xml = xmp.GetXDocument().Descendants().ToArray();
        string Xmp(string name) => Assert.Single(xml, e => e.Name.LocalName == name).Value;

        Assert.Matches(@"^Skia/PDF m\d+ \(SkiaSharp \d+\.\d+\.\d+\), ReportWorker\.Documents$", pdf.Information.Producer);
        Assert.Equal(pdf.Information.Producer, Xmp("Producer"));
        Assert.Equal("ReportWorker", pdf.Information.Creator);
        Assert.Equal(pdf.Information.Creator, Xmp("CreatorTool"));
    }

    [Fact]
    public void Qpdf_finds_no_errors_with_or_without_bookmarks()
    {
        var qpdf = Tool("qpdf");
        foreach (var pdf in new[] { Sample.Value.Pdf, Notice("无书签的通知。") })
        {
            var (code, output) = Run(qpdf, pdf, "--check");
            Assert.True(code == 0, output); // 2 is errors, 3 warnings
            Assert.Contains("No syntax or stream encoding errors found", output);
        }
    }

    [Fact]
    public void Poppler_reads_back_every_line_and_lists_content_tagged_cid_truetype_subsets()
    {
        // Page by page; within a page, poppler orders a table's wrapped header cells its own way, so lines are
        // looked for anywhere on their page (PdfOutputTests checks the order with PdfPig).
        for (var p = 0; p < Sample.Value.PageCount; p++)
        {
            var (_, text) = Run(Tool("pdftotext"), Sample.Value.Pdf, "-enc", "UTF-8", "-f", $"{p + 1}", "-l", $"{p + 1}", "{file}", "-");
            var extracted = Regex.Replace(text, @"\s", "");
            foreach (var line in Sample.Value.PageLines[p].Select(l => Regex.Replace(l, @"\s", "")).Where(l => l.Length > 0))
                Assert.True(extracted.Contains(line, StringComparison.Ordinal), $"page {p + 1}: “{line}” not in pdftotext's text");
            Assert.DoesNotContain(extracted, c => c is >= '\u2E80' and <= '\u2FDF'); // radicals: what CFF fonts turn into
        }

        var (_, fonts) = Run(Tool("pdffonts"), Sample.Value.Pdf, "{file}");
        var rows = fonts.Split('\n').Skip(2).Where(r => r.Length > 0).ToArray();
        Assert.Equal(4, rows.Length);
        Assert.All(rows, r => Assert.Matches(@"^[A-Z]{6}\+\S+\s+CID TrueType\s+Identity-H\s+yes yes yes", r));
        Assert.Equal(4, rows.Select(r => r[..6]).Distinct().Count());
    }

    private static string Tool(string name)
    {
        var path = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, name)).FirstOrDefault(File.Exists);
        if (path is null) Assert.Skip($"{name} is not on PATH; CI installs it (.ci/run).");
        return path;
    }

    // Runs the tool on the PDF written to a temporary file ("{file}" in the arguments, or last when absent).
    private static (int Code, string Output) Run(string tool, byte[] pdf, params string[] arguments)
    {
        var file = Path.Combine(Path.GetTempPath(), $"rw-pdf-{Guid.NewGuid():N}.pdf");
        File.WriteAllBytes(file, pdf);
        try
        {
            var info = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true, StandardOutputEncoding = Encoding.UTF8 };
            foreach (var a in arguments.Contains("{file}") ? arguments : [.. arguments, "{file}"]) info.ArgumentList.Add(a == "{file}" ? file : a);
            using var process = Process.Start(info)!;
            var stderr = process.StandardError.ReadToEndAsync();
            var stdout = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return (process.ExitCode, stdout + stderr.Result);
        }
        finally { File.Delete(file); }
    }
}
