using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ReportWorker.Hosting;

/// <summary>Builds the generic host for both the service and the one-shot commands.</summary>
public static class WorkerHost
{
    public static HostApplicationBuilder CreateBuilder(string[] args, bool quietConsole)
    {
        // Run from a clone's root (dotnet run), appsettings.json there holds the defaults; run from anywhere
        // else (a published folder, a service unit, /etc/reportworker itself), the copy beside the binary
        // does. Only a clone counts: an appsettings.json that merely happens to be in the working directory
        // (the site folder's own) must not replace the defaults or move the data folder. The site's own
        // settings come after the defaults, from outside the install folder (SiteSettings).
        var here = Directory.GetCurrentDirectory();
        var contentRoot = File.Exists(Path.Combine(here, "appsettings.json")) && File.Exists(Path.Combine(here, "ReportWorker.sln"))
            ? here
            : AppContext.BaseDirectory;
        HostApplicationBuilder builder;
        IReadOnlyList<SettingsFile> files;
        try
        {
            builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args, ContentRootPath = contentRoot });
            var defaults = Path.Combine(contentRoot, "appsettings.json");
            files = SiteSettings.Add(builder.Configuration, defaults);
            SiteLists.ReplaceDefaultsLists(builder.Configuration, defaults, files);
        }
        catch (InvalidDataException ex) { throw Malformed(ex); }
        builder.Configuration.AddUserSecrets(typeof(WorkerHost).Assembly, optional: true);
        // The environment and the command line still override every file, as they do by default.
        builder.Configuration.AddEnvironmentVariables();
        if (args.Length > 0) builder.Configuration.AddCommandLine(args);
        builder.Services.AddSingleton(new SettingsFiles(files));
        // Commands print their own results; the console log only carries errors for them.
        if (quietConsole) builder.Logging.AddFilter<Microsoft.Extensions.Logging.Console.ConsoleLoggerProvider>(null, LogLevel.Error);
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(60));
        Telemetry.TelemetryServices.AddTelemetry(builder);
        builder.AddReportWorker();
        return builder;
    }

    /// <summary>
    /// Checks the settings as written against the sections the features declared, then builds. The
    /// service and every command come through here, so a typo stops both the same way.
    /// </summary>
    public static IHost Build(HostApplicationBuilder builder)
    {
        Check(builder);
        return builder.Build();
    }

    /// <summary>The settings as written, against every section the features declared; before anything binds them.</summary>
    public static void Check(HostApplicationBuilder builder)
    {
        var sections = builder.Services.Where(d => d.ServiceType == typeof(SettingsSection))
            .Select(d => (SettingsSection)d.ImplementationInstance!).ToArray();
        SettingsChecker.ThrowIfInvalid(builder.Configuration, sections);
    }

    /// <summary>A JSON syntax error, said with its file and line (the framework says only "failed to load").</summary>
    private static SettingsFileException Malformed(InvalidDataException ex)
    {
        var json = ex.InnerException as JsonException ?? ex.InnerException?.InnerException as JsonException;
        var file = ex.Message.Split('\'') is { Length: >= 3 } parts ? parts[1] : "设置文件";
        if (json?.LineNumber is not { } line)
            return new SettingsFileException(ex.InnerException?.Message is { } said ? $"设置文件 {file} {Explain(said)}" : $"设置文件 {file} 无法读取。", ex);
        return new SettingsFileException(
            $"设置文件 {file} 第 {line + 1} 行第 {json.BytePositionInLine + 1} 个字节附近不是合法的 JSON（常见原因：上一行末尾漏了逗号、最后一项后多了逗号、引号不成对）。", ex);
    }

    /// <summary>The parser's other complaints, in Chinese: a key written twice, a file that is not one JSON object.</summary>
    private static string Explain(string said)
    {
        if (said.StartsWith("A duplicate key '", StringComparison.Ordinal) && said.Split('\'') is { Length: >= 3 } parts)
            return $"中 {parts[1]} 写了两次（同一节出现两遍时也会这样）。请合并成一处。";
        if (said.Contains("Top-level JSON element must be an object", StringComparison.Ordinal))
            return "的最外层应是一个 JSON 对象 { … }。";
        return $"无法读取：{said}";
    }
}

/// <summary>The settings files this process read, in the order they apply (later ones win).</summary>
public sealed record SettingsFiles(IReadOnlyList<SettingsFile> Files);
