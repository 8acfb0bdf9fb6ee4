using System.Diagnostics;

namespace ReportWorker.Tests.Documents;

/// <summary>What poppler's pdftotext (Debian poppler-utils) copies out of a PDF: the reader most likely to show stray spaces.</summary>
internal static class PdfToText
{
    public static string[] Lines(byte[] pdf)
    {
        var path = Path.Combine(Path.GetTempPath(), $"pdftotext-{Guid.NewGuid():N}.pdf");
        File.WriteAllBytes(path, pdf);
        try
        {
            using var process = Process.Start(new ProcessStartInfo("pdftotext", ["-enc", "UTF-8", path, "-"]) { RedirectStandardOutput = true })
                ?? throw new InvalidOperationException("pdftotext did not start (Debian package poppler-utils).");
            var text = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            Assert.Equal(0, process.ExitCode);
            return text.Split('\n');
        }
        finally { File.Delete(path); }
    }
}
