using System.CommandLine;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using ReportWorker.Hosting;
using ReportWorker.Ledger;
using ReportWorker.Registry;
using ReportWorker.Scheduling;
using ReportWorker.Telemetry;

namespace ReportWorker.Cli;

/// <summary>
/// One executable: with no arguments it is the worker service; with a command it does that one
/// thing and exits. Errors print one clear line and exit non-zero.
/// </summary>
public static class CommandLine
{
    public static async Task<int> RunAsync(string[] args)
    {
        Console.OutputEncoding = Encoding.UTF8;
        // Help and parser errors ("选项“--month”是必需的") in Chinese whatever the server's locale: System.CommandLine
        // ships zh-Hans resources. Only the UI culture: numbers and dates keep the invariant forms we write ourselves.
        CultureInfo.DefaultThreadCurrentUICulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("zh-Hans");
        if (args.Length == 0) return await RunServiceAsync(args);

        var root = new RootCommand("ReportWorker：省直机关党建工作任务“月通报、季督办”自动报送服务。不带参数运行即为后台服务。");
        root.Subcommands.Add(ImportCommands.Create());
        root.Subcommands.Add(TasksCommand.Create());
        root.Subcommands.Add(FormsCommand.Create());
        root.Subcommands.Add(IntakeCommand.Create());
        root.Subcommands.Add(StatusCommand.Create());
        root.Subcommands.Add(BriefingCommand.Create());
        root.Subcommands.Add(AssessmentCommand.Create());
        root.Subcommands.Add(DeliverCommand.Create());
        root.Subcommands.Add(JobsCommands.Jobs());
        root.Subcommands.Add(JobsCommands.Run());
        root.Subcommands.Add(CalendarCommand.Create());
        root.Subcommands.Add(OutboxCommand.Create());
        root.Subcommands.Add(BackupCommand.Create());
        root.Subcommands.Add(HealthCommand.Create());
        root.Subcommands.Add(DemoCommand.Create());
        root.Subcommands.Add(SampleDocumentCommand.Create());
        root.Subcommands.Add(SamplesCommand.Create());
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0 && parse.Action is not System.CommandLine.Help.HelpAction) return ParseErrors.Report(parse, Console.Error);
        // Help and --version go to this writer (commands print to the console themselves), to be finished in Chinese.
        var help = new StringWriter();
        var code = await parse.InvokeAsync(new InvocationConfiguration { Output = help });
        Console.Write(ParseErrors.Translate(help.ToString()));
        return code;
    }

    private static async Task<int> RunServiceAsync(string[] args)
    {
        HostApplicationBuilder? builder = null;
        try
        {
            builder = WorkerHost.CreateBuilder(args, quietConsole: false);
            // Before the scheduler and the exporter bind their sections: a typo or a wrong kind is said here, in Chinese.
            WorkerHost.Check(builder);
            builder.AddSchedulerService();
            builder.AddTelemetryExport();
            builder.Services.AddSystemd();
            using var host = builder.Build();
            // Validated here rather than inside RunAsync, where a failure is logged by the host with its English stack first.
            await host.Services.GetRequiredService<IAsyncStartupValidator>().ValidateAsync(CancellationToken.None);
            await host.RunAsync();
            return 0;
        }
        catch (Exception ex) when (ex is SettingsFileException or InvalidSettingsException or OptionsValidationException) { return SettingsFailure(ex, builder?.Configuration); }
        catch (Exception ex) when (Environment.GetEnvironmentVariable("REPORTWORKER_DEBUG") is null)
        {
            return Fail($"服务未能启动（{ex.GetType().Name}）：{ex.Message}。设置环境变量 REPORTWORKER_DEBUG=1 可显示详细堆栈。");
        }
    }

    /// <summary>
    /// Settings the worker cannot start with: every problem on its own line, with where it was set.
    /// </summary>
    private static int SettingsFailure(Exception ex, IConfiguration? configuration)
    {
        IReadOnlyList<string> problems = ex switch
        {
            InvalidSettingsException invalid => invalid.Problems,
            OptionsValidationException options => options.Failures.ToArray(),
            _ => [ex.Message],
        };
        if (configuration is not null) problems = SettingsProblems.WithSources(configuration, problems).ToArray();
        if (problems.Count == 1) return Fail($"设置有误，程序未启动：{problems[0]}");
        Console.Error.WriteLine($"错误：设置有误（{problems.Count} 处），程序未启动：");
        foreach (var p in problems) Console.Error.WriteLine($"  - {p}");
        return 1;
    }

    /// <summary>Runs one command against a host that is built and validated but not started.</summary>
    internal static async Task<int> Execute(Func<IServiceProvider, CancellationToken, Task<int>> command, Action<IServiceCollection>? configure = null)
    {
        HostApplicationBuilder? builder = null;
        try
        {
            builder = WorkerHost.CreateBuilder([], quietConsole: true);
            configure?.Invoke(builder.Services);
            using var host = WorkerHost.Build(builder);
            await host.Services.GetRequiredService<IAsyncStartupValidator>().ValidateAsync(CancellationToken.None);
            host.Services.GetRequiredService<SchemaMigrator>().Migrate();
            using var cts = new CancellationTokenSource();
            Console.CancelKeyPress += (_, e) => { e.Cancel = true; cts.Cancel(); };
            return await command(host.Services, cts.Token);
        }
        catch (Exception ex) when (ex is SettingsFileException or InvalidSettingsException or OptionsValidationException) { return SettingsFailure(ex, builder?.Configuration); }
        catch (RegistryImportException ex) when (ex.Errors.Count == 1) { return Fail($"导入失败，未写入任何数据：{ex.Errors[0]}"); }
        catch (RegistryImportException ex)
        {
            Console.Error.WriteLine($"错误：{ex.Message}");
            foreach (var e in ex.Errors) Console.Error.WriteLine($"  - {e}");
            return 1;
        }
        catch (CommandException ex) { return Fail(ex.Message); }
        catch (Calendar.CalendarFileException ex) { return Fail(ex.Message); }
        catch (Periods.PeriodNotOpenException ex) { return Fail(ex.Message); }
        catch (TaskListMissingException ex) { return Fail(ex.Message); }
        catch (Assessment.AssessmentSchemeException ex) when (ex.Problems.Count == 1) { return Fail(ex.Problems[0]); }
        catch (Assessment.AssessmentSchemeException ex)
        {
            Console.Error.WriteLine("错误：考核细则有误，未进行考核：");
            foreach (var p in ex.Problems) Console.Error.WriteLine($"  - {p}");
            return 1;
        }
        catch (Assessment.AssessmentStageException ex) { return Fail(ex.Message); }
        catch (TaskRetirementException ex) { return Fail(ex.Message); }
        catch (EmptyRegistryException ex) { return Fail(ex.Message); }
        catch (FileNotFoundException ex) { return Fail($"找不到文件：{ex.FileName ?? ex.Message}"); }
        catch (DirectoryNotFoundException ex) { return Fail($"找不到目录：{ex.Message}"); }
        catch (UnauthorizedAccessException ex) { return Fail($"没有权限：{ex.Message}"); }
        catch (Microsoft.Data.Sqlite.SqliteException ex) { return Fail($"台账数据库错误：{ex.Message}"); }
        catch (OperationCanceledException) { return Fail("已取消。"); }
        catch (Exception ex) when (Environment.GetEnvironmentVariable("REPORTWORKER_DEBUG") is null)
        {
            return Fail($"意外错误（{ex.GetType().Name}）：{ex.Message}。设置环境变量 REPORTWORKER_DEBUG=1 可显示详细堆栈。");
        }
    }

    internal static int Fail(string message)
    {
        Console.Error.WriteLine($"错误：{message}");
        return 1;
    }
}

/// <summary>A user error in a command's arguments; its message is printed as is.</summary>
public sealed class CommandException(string message) : Exception(message);
