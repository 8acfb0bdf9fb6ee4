using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace ReportWorker.Tests.Briefings.OfficialFormat;

/// <summary>
/// Word boundaries from jieba (Debian's python3-jieba, run by the system Python), an independent segmenter: the
/// layout library's own will be checked against the same titles once it exists (issue 14).
/// A break at offset b is inside a word when a word of jieba's ordinary cut spans it and none of the shorter words
/// its search mode finds inside that word starts or ends there: 党建｜工作 is fine (党建, 工作), 推｜进 is not.
/// </summary>
public static class JiebaWords
{
    public const string SystemPython = "/usr/bin/python3";

    private const string Script = """
        import sys, json, jieba
        jieba.setLogLevel(60)
        out = []
        for t in json.loads(sys.stdin.read()):
            out.append({"words": [[s, e] for _, s, e in jieba.tokenize(t, HMM=False)],
                        "search": [[s, e] for _, s, e in jieba.tokenize(t, mode="search", HMM=False)]})
        sys.stdout.write(json.dumps(out))
        """;

    /// <summary>Skips the calling test when python3-jieba is not installed (CI installs it, see .ci/run).</summary>
    public static void Require()
    {
        if (!File.Exists(SystemPython)) Assert.Skip($"{SystemPython} is missing; CI installs python3-jieba.");
        if (Run(["-c", "import jieba"], "").Exit != 0) Assert.Skip($"jieba is not installed for {SystemPython}; CI installs python3-jieba (apt-get install python3-jieba).");
    }

    /// <summary>For each text, the offsets inside it where a line may not break.</summary>
    public static IReadOnlyList<IReadOnlySet<int>> InsideWords(IReadOnlyList<string> texts)
    {
        var (exit, stdout, stderr) = Run(["-c", Script], JsonSerializer.Serialize(texts));
        Assert.True(exit == 0, $"jieba failed ({exit}): {stderr}");
        var results = JsonSerializer.Deserialize<Segmentation[]>(stdout, new JsonSerializerOptions { PropertyNameCaseInsensitive = true })!;
        return results.Select(r =>
        {
            var inside = new HashSet<int>();
            foreach (var w in r.Words)
                for (var b = w[0] + 1; b < w[1]; b++)
                    if (!r.Search.Any(s => s[0] >= w[0] && s[1] <= w[1] && s[1] - s[0] < w[1] - w[0] && (s[0] == b || s[1] == b))) inside.Add(b);
            return (IReadOnlySet<int>)inside;
        }).ToArray();
    }

    private sealed record Segmentation(int[][] Words, int[][] Search);

    private static (int Exit, string Stdout, string Stderr) Run(IReadOnlyList<string> arguments, string input)
    {
        var start = new ProcessStartInfo(SystemPython)
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            StandardInputEncoding = new UTF8Encoding(false), StandardOutputEncoding = Encoding.UTF8, StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var a in arguments) start.ArgumentList.Add(a);
        start.Environment["PYTHONIOENCODING"] = "utf-8";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.StandardInput.Write(input);
        process.StandardInput.Close();
        if (!process.WaitForExit(TimeSpan.FromMinutes(1))) { process.Kill(entireProcessTree: true); throw new TimeoutException("jieba"); }
        return (process.ExitCode, stdout.Result, stderr.Result);
    }
}
