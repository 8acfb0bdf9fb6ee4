using ReportWorker.Documents.Samples;
using UglyToad.PdfPig;

namespace ReportWorker.Tests.Documents;

public sealed class SampleDocumentTests
{
    [Fact]
    public void Writes_the_sample_document()
    {
        var rendered = SampleDocument.Create().Render();
        var path = Path.Combine(Path.GetTempPath(), "rw-sample.pdf");
        rendered.Save(path);
        using var pdf = PdfDocument.Open(rendered.Pdf);
        Assert.Equal(rendered.PageCount, pdf.NumberOfPages);
        Assert.Empty(rendered.MissingCharacters);
    }
}
