using System.Diagnostics;

namespace ReportWorker.Tests.Support;

/// <summary>Runs the real ReportWorker executable (the one the tests reference) as a separate process.</summary>
public static class WorkerProcess
{
    public static string Dll => Path.Combine(AppContext.BaseDirectory, "ReportWorker.dll");

    public static Process Start(string workingDirectory, IDictionary<string, string> environment, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(Dll);
        foreach (var a in args) info.ArgumentList.Add(a);
        info.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (k, v) in environment) info.Environment[k] = v;
        return Process.Start(info)!;
    }

    public static (int ExitCode, string Output, string Error) Run(string workingDirectory, IDictionary<string, string> environment, params string[] args)
    {
        using var process = Start(workingDirectory, environment, args);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2))) { process.Kill(entireProcessTree: true); throw new TimeoutException(string.Join(' ', args)); }
        return (process.ExitCode, output.Result, error.Result);
    }
}
