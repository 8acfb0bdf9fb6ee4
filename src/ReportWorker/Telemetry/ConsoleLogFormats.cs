using System.Text.Encodings.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Console;

namespace ReportWorker.Telemetry;

/// <summary>
/// How log lines look on the console. The plain format starts each entry with the local time (the stock one has
/// none, and a service's log read outside journald needs it). <c>Logging:Console:FormatterName = json</c> writes one
/// JSON object a line with Chinese as it is: the stock encoder writes every CJK character as \uXXXX.
/// </summary>
internal static class ConsoleLogFormats
{
    public const string Timestamp = "yyyy-MM-dd HH:mm:ss ";
    public const string JsonTimestamp = "yyyy-MM-ddTHH:mm:ss.fffzzz";
    private const string FormatterKey = "Logging:Console:FormatterName";

    public static void AddConsoleLogFormats(this IHostApplicationBuilder builder)
    {
        // ??= : Logging:Console:FormatterOptions:TimestampFormat, when set, is bound first and kept.
        builder.Services.Configure<SimpleConsoleFormatterOptions>(o => o.TimestampFormat ??= Timestamp);
        builder.Services.Configure<JsonConsoleFormatterOptions>(o =>
        {
            o.TimestampFormat ??= JsonTimestamp;
            // The console is not a web page: nothing needs escaping beyond what JSON itself requires.
            o.JsonWriterOptions = o.JsonWriterOptions with { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        });
        // AddSystemd picks its own formatter (journald adds the time and reads the level from <N>); a formatter
        // named in the configuration is an operator's choice and wins. With no name at all the console logger
        // copies its own obsolete TimestampFormat (null) over the simple formatter's, so "simple" is named.
        // Read when the options are built, so that configuration added after this call counts too.
        var configuration = builder.Configuration;
        builder.Services.PostConfigure<ConsoleLoggerOptions>(o =>
        {
            if (configuration[FormatterKey] is { Length: > 0 } name) o.FormatterName = name;
            o.FormatterName ??= ConsoleFormatterNames.Simple;
        });
    }
}
