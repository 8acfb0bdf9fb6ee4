using Microsoft.Extensions.Logging;

namespace ReportWorker.Briefings;

internal static partial class BriefingsLog
{
    // One line per font file read: a soak that sees more lines than configured files has found a leak.
    [LoggerMessage(EventId = 4001, EventName = "FontLoaded", Level = LogLevel.Information, Message = "Loaded font {Path} (face {Index}, {Bytes} bytes)")]
    public static partial void FontLoaded(ILogger logger, string path, int index, long bytes);

    [LoggerMessage(EventId = 4002, EventName = "WordListLoaded", Level = LogLevel.Information, Message = "Loaded the word segmenter's dictionary in {Milliseconds} ms (working set +{Megabytes} MB)")]
    public static partial void WordListLoaded(ILogger logger, long milliseconds, long megabytes);
}
