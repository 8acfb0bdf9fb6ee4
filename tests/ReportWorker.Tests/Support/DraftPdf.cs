using UglyToad.PdfPig;

namespace ReportWorker.Tests.Support;

/// <summary>Reads a PDF back and checks the draft mark a preview must carry on every page.</summary>
public static class DraftPdf
{
    public const string Header = "草稿仅供审阅不得印发";
    public const string Diagonal = "草稿仅供审阅";

    /// <summary>Asserts that every page has the header line and the large diagonal word; returns the text of all pages.</summary>
    public static string AssertMarkedOnEveryPage(string path)
    {
        using var pdf = PdfDocument.Open(File.ReadAllBytes(path));
        Assert.True(pdf.NumberOfPages > 0, path);
        var all = "";
        foreach (var page in pdf.GetPages())
        {
            var text = string.Concat(page.Letters.Select(l => l.Value)).Replace(" ", "").Replace("\u3000", "");
            Assert.True(text.Contains(Header, StringComparison.Ordinal), $"{Path.GetFileName(path)} page {page.Number}: no “{Header}”");
            var big = string.Concat(page.Letters.Where(l => l.PointSize > 70).Select(l => l.Value)).Replace(" ", "").Replace("\u3000", "");
            Assert.True(big == Diagonal, $"{Path.GetFileName(path)} page {page.Number}: diagonal mark reads “{big}”");
            all += text;
        }
        return all;
    }
}
