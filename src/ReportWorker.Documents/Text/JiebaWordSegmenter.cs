using System.Diagnostics;
using JiebaNet.Segmenter;

namespace ReportWorker.Documents.Text;

/// <summary>
/// Words by jieba.NET 0.42.2 (MIT), the only file that sees its types. jieba keeps its dictionary in
/// process-wide statics, read from one folder the first time any of its types is touched: so there is
/// one instance, loaded on first use by whichever thread gets there, and shared (cutting only reads).
/// Measured here (2 cores, warm disk): loading takes 0.6–1.1 s on an idle machine (1.4–2.6 s beside other
/// builds) and grows the working set by 78 MB, 34 MB of it managed (350 000 words and their prefixes, the
/// HMM tables); a title then cuts in 0.05–0.1 ms. <see cref="Warm"/> moves that second to start-up.
/// </summary>
public sealed class JiebaWordSegmenter : IWordSegmenter
{
    /// <summary>The build copies jieba's dictionary and HMM model here from the package (see the .csproj).</summary>
    public static string DataFolder { get; } = Path.Combine(AppContext.BaseDirectory, "jieba");

    private static readonly string[] DataFiles = ["dict.txt", "prob_emit.json", "prob_trans.json"];
    private static readonly Lazy<JiebaSegmenter> Engine = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    private JiebaWordSegmenter() { }

    public static JiebaWordSegmenter Instance { get; } = new();

    /// <summary>Raised once, when the dictionary has been read: how long it took and how much the working set grew.</summary>
    public static event Action<TimeSpan, long>? Loaded;

    /// <summary>Loads the dictionary now, on this thread, rather than on the first title or table.</summary>
    public void Warm() => _ = Engine.Value;

    public IReadOnlyList<string> Segment(string text)
    {
        if (text.Length == 0) return [];
        // Without the HMM: it glues unknown characters into guessed words (省住|建厅 for 省住建厅), and a
        // wrong boundary is worse than none. Unknown words come back as single characters instead;
        // WordBreaks keeps short runs of them together.
        return [.. Engine.Value.Cut(text, cutAll: false, hmm: false)];
    }

    private static JiebaSegmenter Load()
    {
        foreach (var file in DataFiles)
        {
            var path = Path.Combine(DataFolder, file);
            // jieba swallows a missing dictionary and then cuts every text into characters: refuse instead.
            if (!File.Exists(path))
                throw new FileNotFoundException($"jieba's {file} is not in {DataFolder}; the build copies it there from the jieba.NET package.", path);
        }
        var before = Environment.WorkingSet;
        var clock = Stopwatch.StartNew();
        // Set before any jieba type is touched: its dictionary reads the folder in a static initializer.
        ConfigManager.ConfigFileBaseDir = DataFolder;
        var engine = new JiebaSegmenter();
        foreach (var word in DomainWords()) engine.AddWord(word);
        _ = engine.Cut("省直机关", cutAll: false, hmm: false).Count();
        Loaded?.Invoke(clock.Elapsed, Environment.WorkingSet - before);
        return engine;
    }

    /// <summary>Our corrections to jieba's dictionary (DomainWords.txt): only terms it was seen to cut wrongly.</summary>
    private static IEnumerable<string> DomainWords()
    {
        using var stream = typeof(JiebaWordSegmenter).Assembly.GetManifestResourceStream("ReportWorker.Documents.Text.DomainWords.txt")
            ?? throw new InvalidOperationException("DomainWords.txt is not embedded in ReportWorker.Documents.");
        using var reader = new StreamReader(stream);
        while (reader.ReadLine() is { } line)
        {
            var word = line.Split('#')[0].Trim();
            if (word.Length > 0) yield return word;
        }
    }
}
