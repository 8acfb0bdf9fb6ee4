using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using ReportWorker.Documents.Fonts;

namespace ReportWorker.Benchmarks;

/// <summary>
/// The figures the README reports, in one reproducible run: pages per second on one core after
/// warm-up, bytes per page, peak memory at 50 and 200 pages (each in its own process), and headless
/// Chromium printing the same content as HTML, timed the same way (wall clock per document).
/// </summary>
internal static class Measurements
{
    public static int Run(bool chromium)
    {
        // One core: the worker renders a document on one thread; pin the process so nothing else helps.
        if (OperatingSystem.IsLinux() || OperatingSystem.IsWindows()) Process.GetCurrentProcess().ProcessorAffinity = 1;
        var corpus = new BenchmarkCorpus(50);
        for (var i = 0; i < 3; i++) corpus.Document().Render(); // warm-up: fonts loaded, JIT done

        const int runs = 15;
        var times = new double[runs];
        Documents.Rendering.RenderedDocument? last = null;
        for (var i = 0; i < runs; i++)
        {
            var watch = Stopwatch.StartNew();
            last = corpus.Document().Render();
            times[i] = watch.Elapsed.TotalMilliseconds;
        }
        Array.Sort(times);
        var perDocument = times[runs / 2];
        var pages = last!.PageCount;
        Console.WriteLine("| measure | value |");
        Console.WriteLine("|---|---|");
        Console.WriteLine($"| document | {pages} pages, {corpus.DistinctCharacters} distinct characters |");
        Console.WriteLine($"| render time (one core, warm, median of {runs}) | {perDocument:0.0} ms per document (fastest {times[0]:0.0}, slowest {times[^1]:0.0}) |");
        Console.WriteLine($"| throughput | {pages * 1000 / perDocument:0} pages/s |");
        Console.WriteLine($"| PDF size | {last.Pdf.Length / 1024.0:0} KB, {last.Pdf.Length / 1024.0 / pages:0.0} KB per page |");

        var peak50 = PeakInChild(50);
        var peak200 = PeakInChild(200);
        Console.WriteLine($"| peak memory, 50 pages (own process) | {peak50 / 1024.0:0.0} MB |");
        Console.WriteLine($"| peak memory, 200 pages (own process) | {peak200 / 1024.0:0.0} MB ({(double)peak200 / peak50:0.00}× the 50-page peak) |");

        if (chromium) Chromium(corpus, perDocument);
        return 0;
    }

    /// <summary>Renders once and prints the process's peak resident memory (VmHWM) in KB.</summary>
    public static int Peak(int pages)
    {
        var corpus = new BenchmarkCorpus(pages);
        var rendered = corpus.Document().Render();
        GC.KeepAlive(rendered);
        var hwm = File.ReadLines("/proc/self/status").First(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        Console.WriteLine(Regex.Match(hwm, @"\d+").Value);
        return 0;
    }

    private static long PeakInChild(int pages)
    {
        var info = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet") info.ArgumentList.Add(typeof(Measurements).Assembly.Location);
        info.ArgumentList.Add("peak");
        info.ArgumentList.Add(pages.ToString(CultureInfo.InvariantCulture));
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return long.Parse(output.Trim(), CultureInfo.InvariantCulture);
    }

    private static void Chromium(BenchmarkCorpus corpus, double skiaMs)
    {
        var chromium = new[] { "/usr/bin/chromium", "/usr/bin/chromium-browser" }.FirstOrDefault(File.Exists);
        if (chromium is null) { Console.WriteLine("| Chromium | not installed (apt-get install chromium) |"); return; }
        var folder = Directory.CreateTempSubdirectory("rw-bench-").FullName;
        var fonts = Path.GetDirectoryName(FontConfiguration.Default.Roles[FontRole.Body])!;
        var html = Path.Combine(folder, "doc.html");
        File.WriteAllText(html, corpus.Html(fonts));
        double Print(int i)
        {
            var pdf = Path.Combine(folder, $"chromium-{i}.pdf");
            var info = new ProcessStartInfo(chromium) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
            foreach (var a in new[] { "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                         "--disable-sync", "--no-first-run", "--no-pdf-header-footer", $"--user-data-dir={Path.Combine(folder, $"profile-{i}")}", $"--print-to-pdf={pdf}", $"file://{html}" })
                info.ArgumentList.Add(a);
            var watch = Stopwatch.StartNew();
            using var p = Process.Start(info)!;
            p.StandardError.ReadToEndAsync();
            p.StandardOutput.ReadToEnd();
            p.WaitForExit();
            watch.Stop();
            return watch.Elapsed.TotalMilliseconds;
        }
        Print(0); // warm-up: disk cache, font cache
        var times = Enumerable.Range(1, 3).Select(Print).Order().ToArray();
        var pages = Regex.Matches(File.ReadAllText(Path.Combine(folder, "chromium-1.pdf"), System.Text.Encoding.Latin1), @"/Type\s*/Page\b").Count;
        Console.WriteLine($"| Chromium print-to-pdf (median of 3, warm) | {times[1]:0} ms per document ({pages} pages) |");
        Console.WriteLine($"| ratio | ReportWorker is {times[1] / skiaMs:0}× faster |");
        Directory.Delete(folder, recursive: true);
    }
}
