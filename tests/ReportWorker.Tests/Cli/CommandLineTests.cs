using ReportWorker.Tests.Support;

namespace ReportWorker.Tests.Cli;

/// <summary>The real executable, as an operator runs it.</summary>
public sealed class CommandLineTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("rw-cli-").FullName;
    private Dictionary<string, string> Env => new() { ["Data__Root"] = Path.Combine(_root, "data") };

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Theory]
    [InlineData(new[] { "status", "--month", "2025-13" }, "月份“2025-13”格式不对")]
    [InlineData(new[] { "import", "units", "nowhere.xlsx" }, "文件不存在")]
    [InlineData(new[] { "forms", "--month", "2025-03" }, "单位名录为空")]
    public void Errors_print_one_clear_line_and_exit_non_zero(string[] args, string message)
    {
        var (exit, _, error) = WorkerProcess.Run(_root, Env, args);

        Assert.Equal(1, exit);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("错误：", line);
        Assert.Contains(message, line);
    }

    [Theory]
    [InlineData(new[] { "status" }, "错误：缺少必填选项 --month（报告月份")]
    [InlineData(new[] { "statsu", "--month", "2025-03" }, "错误：无法识别“statsu”，是不是 status？")]
    [InlineData(new[] { "status", "--mnth", "2025-03" }, "错误：无法识别“--mnth”，是不是 --month？")]
    [InlineData(new[] { "import" }, "错误：请指定要运行的命令：units、tasks、assessment。")]
    [InlineData(new[] { "backup" }, "错误：缺少参数 <备份文件>")]
    public void Parser_errors_are_said_in_chinese_with_the_name_meant_and_where_help_is(string[] args, string message)
    {
        var (exit, _, error) = WorkerProcess.Run(_root, Env, args);

        Assert.Equal(1, exit);
        Assert.Contains(message, error);
        Assert.Contains("用法见：ReportWorker", error);
        Assert.DoesNotMatch("[A-Z][a-z]+ '--", error); // no "Option '--month' is required."
    }

    [Fact]
    public void Help_is_in_chinese()
    {
        var (exit, output, _) = WorkerProcess.Run(_root, Env, "status", "--help");

        Assert.Equal(0, exit);
        Assert.Contains("说明：", output);
        Assert.Contains("（必填）", output);
        Assert.Contains("显示帮助和用法", output);
        Assert.DoesNotContain("Description", output);
        Assert.DoesNotContain("Show help", output);
    }

    [Fact]
    public void A_bad_setting_stops_the_command_with_the_key_named()
    {
        var env = Env;
        env["Organization__TimeZone"] = "Mars/Olympus";
        var (exit, _, error) = WorkerProcess.Run(_root, env, "status", "--month", "2025-03");
        Assert.Equal(1, exit);
        Assert.Contains("Organization:TimeZone", error);
    }

    [Fact]
    public void Import_reports_every_bad_row_and_writes_nothing()
    {
        var file = Path.Combine(_root, "units.csv");
        File.WriteAllText(file, "单位代码,单位名称,联络员邮箱\nU01,省委办公厅,not-an-address\n,省审计厅,ssjt@example.gov.cn\n");
        var (exit, _, error) = WorkerProcess.Run(_root, Env, "import", "units", file);
        Assert.Equal(1, exit);
        Assert.Contains("units.csv 第2行 联络员邮箱（C列）：“not-an-address”不是有效的电子邮箱地址", error);
        Assert.Contains("units.csv 第3行 单位代码（A列）：单位代码为空", error);

        var status = WorkerProcess.Run(_root, Env, "status", "--month", "2025-03");
        Assert.Equal(0, status.ExitCode);
        Assert.Contains("应报 0 个单位", status.Output);
    }
}
