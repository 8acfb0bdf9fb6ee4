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
        // Run from the repository root, appsettings.json there is the configuration; run from anywhere
        // else (a published folder, a service unit), the copy beside the binary is.
        var contentRoot = File.Exists(Path.Combine(Directory.GetCurrentDirectory(), "appsettings.json"))
            ? Directory.GetCurrentDirectory()
            : AppContext.BaseDirectory;
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args, ContentRootPath = contentRoot });
        builder.Configuration.AddUserSecrets(typeof(WorkerHost).Assembly, optional: true);
        builder.Configuration.AddEnvironmentVariables();
        // Commands print their own results; the console log only carries errors for them.
        if (quietConsole) builder.Logging.AddFilter<Microsoft.Extensions.Logging.Console.ConsoleLoggerProvider>(null, LogLevel.Error);
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(60));
        builder.AddReportWorker();
        return builder;
    }
}
