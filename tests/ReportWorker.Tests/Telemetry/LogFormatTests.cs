using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;
using ReportWorker.Hosting;
using ReportWorker.Tests.Support;

namespace ReportWorker.Tests.Telemetry;

/// <summary>
/// The real service's console: each entry starts with the local time; with Logging:Console:FormatterName=json each
/// line is a JSON object whose Chinese reads as Chinese. The service is started in a data folder named 数据, which
/// its first start names in the log ("Holiday calendar: year … added to …/数据/calendar/…").
/// </summary>
[Collection(nameof(RealTimeWorkers))]
public sealed class LogFormatTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("rw-logs-").FullName;

    public void Dispose()
    {
        try { Directory.Delete(_root, recursive: true); } catch (IOException) { }
    }

    private string[] ServiceLog(string name, Dictionary<string, string>? settings = null)
    {
        var env = new Dictionary<string, string> { ["Data__Root"] = Path.Combine(_root, name, "数据") };
        foreach (var (k, v) in settings ?? new()) env[k] = v;
        using var worker = new RehearsalWorker(_root, env, DateTimeOffset.Now, speed: 1);
        worker.Start();
        worker.WaitFor(() => worker.Log.Contains("Application started"), "the service to start");
        Assert.Equal(0, worker.Stop());
        return worker.Log.Split('\n');
    }

    [Fact]
    public void A_plain_log_entry_starts_with_the_local_date_and_time()
    {
        var before = DateTime.Now.AddSeconds(-1);

        var log = ServiceLog("plain");

        // An entry is a header line (time, level, category, event id) and the message indented below it.
        var headers = log.Where(l => l.Length > 0 && !l.StartsWith(' ')).ToArray();
        Assert.NotEmpty(headers);
        Assert.All(headers, h => Assert.Matches(@"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d (info|warn|fail|crit|dbug|trce): ", h));
        var seeded = Array.FindIndex(log, l => l.Contains("Holiday calendar: year", StringComparison.Ordinal));
        Assert.Contains("/数据/", log[seeded]);
        var header = Regex.Match(log[seeded - 1], @"^(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d) info: ReportWorker\.Calendar\.HolidayCalendarFile\[6001\]$");
        Assert.True(header.Success, log[seeded - 1]);
        var at = DateTime.ParseExact(header.Groups[1].Value, "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
        Assert.InRange(at, before.AddSeconds(-1), DateTime.Now);
    }

    [Fact]
    public void A_json_log_line_keeps_Chinese_readable_and_carries_a_timestamp()
    {
        var log = ServiceLog("json", new() { ["Logging__Console__FormatterName"] = "json" });

        var seeded = log.First(l => l.Contains("Holiday calendar: year", StringComparison.Ordinal));
        Assert.Contains("/数据/", seeded);
        Assert.DoesNotContain(@"\u", seeded);
        using var json = JsonDocument.Parse(seeded);
        Assert.Contains("/数据/", json.RootElement.GetProperty("Message").GetString());
        Assert.Equal(6001, json.RootElement.GetProperty("EventId").GetInt32());
        Assert.Equal("Information", json.RootElement.GetProperty("LogLevel").GetString());
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}[+-]\d\d:\d\d$", json.RootElement.GetProperty("Timestamp").GetString());
    }

    [Fact]
    public void A_formatter_named_in_the_configuration_wins_over_the_one_systemd_picks()
    {
        var builder = WorkerHost.CreateBuilder([], quietConsole: false);
        builder.Configuration.AddInMemoryCollection([new("Logging:Console:FormatterName", "json")]);
        // What AddSystemd does under systemd.
        builder.Services.Configure<ConsoleLoggerOptions>(o => o.FormatterName = "systemd");

        using var host = builder.Build();

        Assert.Equal("json", host.Services.GetRequiredService<IOptionsMonitor<ConsoleLoggerOptions>>().CurrentValue.FormatterName);
    }
}
