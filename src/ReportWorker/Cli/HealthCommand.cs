using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using ReportWorker.Health;
using ReportWorker.Text;

namespace ReportWorker.Cli;

/// <summary>
/// <c>health</c>: one line per check and a verdict, for monitoring (Nagios, a systemd timer, cron). Exit 0 all well,
/// 1 something needs attention, 2 something is broken; a host that cannot even be built (bad settings, no database) is 2.
/// </summary>
internal static class HealthCommand
{
    public static Command Create()
    {
        var json = new Option<bool>("--json") { Description = "以 JSON 输出（供监控系统读取）" };
        var command = new Command("health", "检查运行状况：数据库、邮件服务器、收件邮箱、数据目录、字体、节假日数据、定时任务、发件箱。退出码 0 正常，1 需要注意，2 故障") { json };
        command.SetAction(async (parse, ct) =>
        {
            var asJson = parse.GetValue(json);
            var printed = false;
            var exit = await CommandLine.Execute(async (sp, token) =>
            {
                var lines = await sp.GetRequiredService<HealthRunner>().RunAsync(token);
                Console.Write(asJson ? Json(lines) : Render(lines));
                printed = true;
                return HealthVerdict.Worst(lines).ExitCode();
            });
            if (printed) return exit;
            // Execute printed why on stderr (settings, database): a monitor reads stdout's first line and the exit code.
            IReadOnlyList<HealthLine> failed = [new HealthLine("启动", HealthStatus.Unhealthy, "配置或数据库有误，无法进行检查（原因见错误输出）")];
            Console.Write(asJson ? Json(failed) : Render(failed));
            return HealthStatus.Unhealthy.ExitCode();
        });
        return command;
    }

    internal static string Render(IReadOnlyList<HealthLine> lines)
    {
        var width = lines.Select(l => ConsoleTable.Width(l.Name)).DefaultIfEmpty(0).Max();
        var w = new StringWriter();
        foreach (var line in lines)
            w.WriteLine($"{line.Status.Chinese()}  {line.Name}{new string(' ', width - ConsoleTable.Width(line.Name))}  {line.Facts}");
        var worst = HealthVerdict.Worst(lines);
        int Count(HealthStatus s) => lines.Count(l => l.Status == s);
        w.WriteLine($"结论：{worst.Chinese()}（退出码 {worst.ExitCode()}）。共 {lines.Count} 项检查：正常 {Count(HealthStatus.Healthy)}，注意 {Count(HealthStatus.Degraded)}，故障 {Count(HealthStatus.Unhealthy)}。");
        return w.ToString();
    }

    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    internal static string Json(IReadOnlyList<HealthLine> lines)
    {
        var worst = HealthVerdict.Worst(lines);
        return JsonSerializer.Serialize(new
        {
            status = worst.ToString(),
            exitCode = worst.ExitCode(),
            checks = lines.Select(l => new { name = l.Name, status = l.Status.ToString(), word = l.Status.Chinese(), facts = l.Facts }),
        }, JsonOptions) + Environment.NewLine;
    }
}
