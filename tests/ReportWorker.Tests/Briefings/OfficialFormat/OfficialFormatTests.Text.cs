using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using UglyToad.PdfPig;
using static ReportWorker.Tests.Briefings.OfficialFormat.PdfGeometry;

namespace ReportWorker.Tests.Briefings.OfficialFormat;

/// <summary>What the text says and how it is placed: no lone signature, no 0天, the attachment announced, text that copies cleanly.</summary>
public sealed partial class OfficialFormatTests
{
    /// <summary>
    /// No page's body is only the signature: the organ's name and the date (with a 附注, or the 版记 of 抄送 and 印发
    /// under them), nothing of the text it signs. The lines are the layout's where the layout is at hand, else the
    /// PDF's lines inside the text block (the page number is outside it either way).
    /// </summary>
    [Fact]
    public void No_page_holds_only_the_signature()
    {
        var findings = new List<Finding>();
        foreach (var doc in issued.Documents)
            for (var p = 0; p < doc.Lines.Count; p++)
            {
                var lines = doc.Lines[p].Select(l => l.Trim()).Where(l => l.Length > 0).ToArray();
                if (lines.Length > 0 && lines.All(SignatureOrBelow) && lines.Any(l => l == GbT9704.Organ || ChineseDateLine().IsMatch(l)))
                    findings.Add(new(doc, p + 1, $"{(p + 1 == doc.Lines.Count ? "the last page" : "a page")} holds only “{string.Join(" / ", lines)}”"));
            }
        NoFailures(findings, "pages with nothing but the signature");
    }

    /// <summary>No briefing the demo issued in 2025 (every 月通报, 季督办, 督办单, 考核结果通报 and 考核反馈单) says “0天” (0天仍未完成, 超过完成时限（…）0天).</summary>
    [Fact]
    public void No_briefing_says_zero_days()
    {
        var failures = new List<string>();
        foreach (var (path, bytes) in issued.AsIssued.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            using var pdf = PdfDocument.Open(bytes);
            foreach (var page in pdf.GetPages())
            {
                var text = Squeeze(string.Concat(page.Letters.Select(l => l.Value)));
                foreach (Match m in ZeroDays().Matches(text))
                    failures.Add($"{Path.GetRelativePath(issued.Briefings, path)} page {page.Number}: “…{text[Math.Max(0, m.Index - 24)..Math.Min(text.Length, m.Index + 8)]}…”");
            }
        }
        Assert.True(issued.AsIssued.Count > 100, $"only {issued.AsIssued.Count} briefings found under {issued.Briefings}");
        NoFailures(failures, "“0天”");
    }

    /// <summary>
    /// A document with an attachment (a page that starts 附件) announces it: a line starting “附件：” in the body, after
    /// the title and before the signature (GB/T 9704 7.3.5.3 附件说明).
    /// </summary>
    [Fact]
    public void A_notice_with_an_attachment_announces_it_before_the_signature()
    {
        var failures = new List<string>();
        foreach (var doc in issued.Documents.Where(d => d.Kind is DocumentKind.MonthlyNotice or DocumentKind.AssessmentNotice))
        {
            var pages = doc.Lines;
            var attachment = Enumerable.Range(1, pages.Count - 1).FirstOrDefault(p => pages[p].FirstOrDefault()?.Trim().StartsWith("附件", StringComparison.Ordinal) == true);
            if (attachment == 0) { failures.Add($"{doc}: no page starts with 附件, though its attachment is part of the document"); continue; }
            var body = pages.Take(attachment).SelectMany((lines, p) => lines.Select(l => (Page: p + 1, Line: l.Trim()))).ToArray();
            var signature = Array.FindLastIndex(body, b => b.Line == GbT9704.Organ);
            if (signature < 0) { failures.Add($"{doc}: no signature “{GbT9704.Organ}” before the attachment on page {attachment + 1}"); continue; }
            if (!body.Take(signature).Any(b => b.Line.StartsWith("附件：", StringComparison.Ordinal)))
                failures.Add($"{doc}: no line “附件：{Abbreviate(pages[attachment].Skip(1).FirstOrDefault() ?? "")}…” before the signature on page {body[signature].Page}; " +
                    $"the attachment starts on page {attachment + 1} with “{string.Join(" ", pages[attachment].Take(3))}”");
        }
        NoFailures(failures, "附件说明");
    }

    /// <summary>
    /// Text copied from the 月通报 has no spaces the document does not have: each line the layout set on the pages before
    /// the attachment appears as it is in what poppler's pdftotext (plain mode, no -layout) extracts from that page.
    /// </summary>
    [Fact]
    public void Text_copied_from_the_monthly_notice_has_no_inserted_spaces()
    {
        var doc = issued.Documents.Single(d => d.Kind == DocumentKind.MonthlyNotice);
        var pages = doc.PageLines!;
        var attachment = Enumerable.Range(1, pages.Count - 1).FirstOrDefault(p => pages[p].FirstOrDefault()?.Trim().StartsWith("附件", StringComparison.Ordinal) == true);
        var last = attachment == 0 ? pages.Count : attachment;
        var extracted = PdfToText(issued.Monthly.Path, 1, last);
        var failures = new List<string>();
        for (var p = 0; p < last; p++)
        {
            var copied = extracted.ElementAtOrDefault(p) ?? "";
            var copiedLines = copied.Split('\n').Select(l => l.Trim()).ToArray();
            // An ideographic space (图1　标题) is a space of the text: pdftotext writes it as a plain one.
            foreach (var line in pages[p].Select(l => l.Replace('\u3000', ' ').Trim()).Where(l => l.Length > 0))
            {
                if (copiedLines.Any(c => c.Contains(line, StringComparison.Ordinal))) continue;
                var squeezed = Squeeze(line);
                var near = copiedLines.FirstOrDefault(c => Squeeze(c).Contains(squeezed, StringComparison.Ordinal))
                    ?? copiedLines.FirstOrDefault(c => squeezed.Length >= 4 && Squeeze(c).Contains(squeezed[..4], StringComparison.Ordinal));
                failures.Add(near is not null && Squeeze(near).Contains(squeezed, StringComparison.Ordinal)
                    ? $"page {p + 1}: “{line}” copies as “{near}” (spaces inserted)"
                    : $"page {p + 1}: “{line}” is not one line of the copied text{(near is null ? "" : $" (nearest: “{near}”)")}");
            }
        }
        NoFailures(failures, $"{doc}: lines that do not copy as laid out (pdftotext, pages 1–{last})");
    }

    private static bool SignatureOrBelow(string line) =>
        line == GbT9704.Organ || ChineseDateLine().IsMatch(line) || Annotation().IsMatch(line)
        || line.StartsWith("抄送", StringComparison.Ordinal) || line.EndsWith("印发", StringComparison.Ordinal) || line == GbT9704.Organ + "办公室";

    /// <summary>The text of pages <paramref name="first"/>–<paramref name="last"/> as pdftotext (poppler-utils) extracts it, page by page.</summary>
    private static IReadOnlyList<string> PdfToText(string pdf, int first, int last)
    {
        if (!(Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator).Any(d => d.Length > 0 && File.Exists(Path.Combine(d, "pdftotext"))))
            Assert.Skip("pdftotext (poppler-utils) is not on PATH.");
        var start = new ProcessStartInfo("pdftotext") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, StandardOutputEncoding = Encoding.UTF8 };
        foreach (var a in new[] { "-enc", "UTF-8", "-f", $"{first}", "-l", $"{last}", pdf, "-" }) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"pdftotext failed: {process.StandardError.ReadToEnd()}");
        return output.Split('\f');
    }

    [GeneratedRegex(@"^\d{4}年\d{1,2}月\d{1,2}日$")] private static partial Regex ChineseDateLine();
    [GeneratedRegex(@"^（.*）$")] private static partial Regex Annotation();
    [GeneratedRegex(@"(?<![0-9０-９])[0０]天")] private static partial Regex ZeroDays();
}
