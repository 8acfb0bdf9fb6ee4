using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ReportWorker.Documents.Fonts;
using ReportWorker.Documents.Text;

namespace ReportWorker.Briefings;

/// <summary>
/// The fonts every document of this process is set in, from the validated <see cref="DocumentFontsOptions"/>:
/// loaded on first use, then shared by every notice, slip and thread. Each font file read is logged.
/// </summary>
public sealed class DocumentFonts : IDisposable
{
    private readonly ILogger<DocumentFonts> _logger;
    private readonly Lazy<FontSet> _set;

    public DocumentFonts(IOptions<DocumentFontsOptions> options, IHostEnvironment environment, ILogger<DocumentFonts> logger)
    {
        _logger = logger;
        Configuration = options.Value.ToConfiguration(environment.ContentRootPath);
        _set = new(() => FontSet.For(Configuration), LazyThreadSafetyMode.ExecutionAndPublication);
        FontFace.Loaded += OnLoaded;
        // Titles and table cells break between words: the segmenter's dictionary is read once, on the first document.
        JiebaWordSegmenter.Loaded += OnWordsLoaded;
    }

    public FontConfiguration Configuration { get; }

    /// <summary>The loaded fonts: the same instance for the life of the process.</summary>
    public FontSet Set => _set.Value;

    private void OnLoaded(FontFace face) => BriefingsLog.FontLoaded(_logger, face.Path, face.Index, face.Size);
    private void OnWordsLoaded(TimeSpan took, long bytes) => BriefingsLog.WordListLoaded(_logger, (long)took.TotalMilliseconds, bytes / (1024 * 1024));

    public void Dispose()
    {
        FontFace.Loaded -= OnLoaded;
        JiebaWordSegmenter.Loaded -= OnWordsLoaded;
    }
}
