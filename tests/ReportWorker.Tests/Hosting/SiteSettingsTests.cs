using System.Diagnostics;
using ReportWorker.Hosting;
using ReportWorker.Spreadsheets;
using ReportWorker.Storage;
using ReportWorker.Tests.Support;

namespace ReportWorker.Tests.Hosting;

/// <summary>
/// The site's settings in their own folder (REPORTWORKER_CONFIG), read by the real executable: the
/// service and every command see the same settings and ledger from any working directory, and a
/// setting that is wrong stops start-up saying what, where and how to fix it.
/// </summary>
public sealed class SiteSettingsTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("rw-site-").FullName;

    private string Site => Path.Combine(_root, "etc");
    private string Data => Path.Combine(_root, "var", "data");

    public SiteSettingsTests() => Directory.CreateDirectory(Site);

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private Dictionary<string, string> Env(params (string Key, string Value)[] more)
    {
        var env = new Dictionary<string, string> { [SiteSettings.FolderVariable] = Site };
        foreach (var (k, v) in more) env[k] = v;
        return env;
    }

    private void WriteSettings(string json) => File.WriteAllText(Path.Combine(Site, "appsettings.json"), json);

    private string Folder(string name) => Directory.CreateDirectory(Path.Combine(_root, name)).FullName;

    [Fact]
    public void Commands_typed_anywhere_read_the_site_settings_and_the_same_ledger()
    {
        WriteSettings($$"""{ "Data": { "Root": "{{Data}}" } }""");
        var units = Path.Combine(_root, "单位名录.xlsx");
        AtomicFile.Write(units, s => SimpleXlsxWriter.Write(s, "单位", ["单位代码", "单位名称", "简称", "联络员", "联络员邮箱"],
            TestWorld.SmallUnits.Select(r => (IReadOnlyList<object?>)r).ToArray()));

        var import = WorkerProcess.Run(Folder("home-operator"), Env(), "import", "units", units);
        var again = WorkerProcess.Run(Folder("somewhere-else"), Env(), "import", "units", units);
        var status = WorkerProcess.Run(Folder("a-third-place"), Env(), "status", "--month", "2025-03");

        Assert.Equal(0, import.ExitCode);
        Assert.Contains("新增 3", import.Output);
        Assert.Contains("未变 3", again.Output); // the units the first command wrote: the same ledger
        Assert.Equal(0, status.ExitCode);
        Assert.Contains($"{Path.Combine(Site, "appsettings.json")}（本机设置）", status.Output);
        Assert.Contains($"数据目录：{Data}", status.Output);
        Assert.True(File.Exists(Path.Combine(Data, "reportworker.db")));
    }

    [Fact]
    public void A_mistyped_key_stops_the_service_naming_it_the_file_and_the_key_meant()
    {
        WriteSettings($$"""{ "Data": { "Root": "{{Data}}" }, "Reporting": { "DueDya": 3 } }""");

        var (exit, _, error) = WorkerProcess.Run(Folder("wd"), Env());

        Assert.Equal(1, exit);
        Assert.Contains("Reporting:DueDya", error);
        Assert.Contains(Path.Combine(Site, "appsettings.json"), error);
        Assert.Contains("是不是 Reporting:DueDay", error);
        Assert.DoesNotContain("Exception", error);
    }

    [Fact]
    public void A_mistyped_key_in_a_job_schedule_is_caught_too()
    {
        WriteSettings($$"""{ "Data": { "Root": "{{Data}}" }, "Schedule": { "Jobs": { "forms": { "WorkingDayOnly": false } } } }""");

        var (exit, _, error) = WorkerProcess.Run(Folder("wd"), Env(), "jobs");

        Assert.Equal(1, exit);
        Assert.Contains("Schedule:Jobs:forms:WorkingDayOnly", error);
        Assert.Contains("是不是 Schedule:Jobs:forms:WorkingDaysOnly", error);
    }

    [Fact]
    public void A_wrong_enum_value_lists_the_allowed_ones_and_names_the_environment_variable()
    {
        WriteSettings($$"""{ "Data": { "Root": "{{Data}}" } }""");

        var (exit, _, error) = WorkerProcess.Run(Folder("wd"), Env(("Mail__Smtp__Security", "TLS")), "jobs");

        Assert.Equal(1, exit);
        Assert.Contains("Mail:Smtp:Security", error);
        Assert.Contains("环境变量 Mail__Smtp__Security", error);
        foreach (var allowed in new[] { "None", "StartTls", "SslOnConnect", "Auto" }) Assert.Contains(allowed, error);
    }

    [Fact]
    public void A_value_out_of_range_names_where_it_was_set()
    {
        WriteSettings($$"""{ "Data": { "Root": "{{Data}}" }, "Mail": { "MaxAttempts": 500 } }""");

        var (exit, _, error) = WorkerProcess.Run(Folder("wd"), Env(), "jobs");

        Assert.Equal(1, exit);
        Assert.Contains($"Mail:MaxAttempts（来自 {Path.Combine(Site, "appsettings.json")}）", error);
    }

    [Fact]
    public void A_leader_address_that_is_not_an_address_stops_start_up()
    {
        WriteSettings($$"""{ "Data": { "Root": "{{Data}}" }, "Briefings": { "Leaders": [ { "Name": "书记", "Email": "not-an-email" } ] } }""");

        var (exit, _, error) = WorkerProcess.Run(Folder("wd"), Env(), "jobs");

        Assert.Equal(1, exit);
        Assert.Contains("Briefings:Leaders:0:Email", error);
        Assert.Contains("不是有效的电子邮件地址", error);
    }

    [Fact]
    public void A_json_syntax_error_names_the_file_and_the_line()
    {
        WriteSettings("{\n  \"Data\": { \"Root\": \"/tmp/x\" }\n  \"Mail\": {}\n}\n"); // the comma after line 2 is missing

        var (exit, _, error) = WorkerProcess.Run(Folder("wd"), Env(), "jobs");

        Assert.Equal(1, exit);
        Assert.Contains(Path.Combine(Site, "appsettings.json"), error);
        Assert.Contains("第 3 行", error);
    }

    [Fact]
    public void A_list_in_the_site_settings_replaces_the_defaults_list()
    {
        // One leader: the defaults' three example leaders must not be merged in behind him by index.
        WriteSettings($$"""{ "Data": { "Root": "{{Data}}" }, "Briefings": { "Leaders": [ { "Name": "书记", "Email": "shuji@gw.hainan.gov.cn" } ] } }""");

        var (exit, output, _) = WorkerProcess.Run(Folder("wd"), Env(), "jobs");

        Assert.Equal(0, exit);
        Assert.Contains("Organization:OperatorEmail（gongwei-office@example.gov.cn）", output); // the check itself is on
        Assert.DoesNotContain("Briefings:Leaders", output);
    }

    [Fact]
    public void A_command_typed_in_the_site_folder_still_reads_the_defaults_and_the_same_ledger()
    {
        WriteSettings($$"""{ "Data": { "Root": "{{Data}}" } }""");

        var (exit, output, error) = WorkerProcess.Run(Site, Env(), "jobs");

        Assert.True(exit == 0, error);
        Assert.Contains($"数据目录：{Data}", output);
        Assert.Contains("appsettings.json（默认值）", output);
        Assert.DoesNotContain($"{Path.Combine(Site, "appsettings.json")}（默认值）", output);
    }

    [Fact]
    public void Environment_variables_no_section_reads_are_warned_about()
    {
        WriteSettings($$"""{ "Data": { "Root": "{{Data}}" } }""");

        var (exit, output, _) = WorkerProcess.Run(Folder("wd"), Env(("Maill__Smtp__Host", "smtp.x.cn"), ("Mail_Smtp_Port", "25")), "jobs");

        Assert.Equal(0, exit);
        Assert.Contains("环境变量 Maill__Smtp__Host 没有被读取：Maill 不是本程序的设置节，是不是 Mail？", output);
        Assert.Contains("环境变量 Mail_Smtp_Port 没有被读取：各级之间要用两个下划线，例如 Mail__Smtp__Port。", output);
    }

    [Theory]
    [InlineData("Data__Provider", "PostgreSQL", "Data:Provider")]                       // bound by the scheduler before the container exists
    [InlineData("Schedule__MisfireThresholdSeconds", "60s", "Schedule:MisfireThresholdSeconds")]
    [InlineData("Mail__MaxAttempts", "500", "Mail:MaxAttempts")]                      // validated by the container
    [InlineData("Mail__Smtp__Port", "", "Mail:Smtp:Port")]
    public void The_service_says_a_bad_value_in_chinese_without_a_stack_trace(string variable, string value, string key)
    {
        WriteSettings($$"""{ "Data": { "Root": "{{Data}}" } }""");

        var (exit, output, error) = WorkerProcess.Run(Folder("wd"), Env((variable, value)));

        Assert.Equal(1, exit);
        Assert.Contains(key, error);
        Assert.Contains("程序未启动", error);
        Assert.DoesNotContain("Unhandled exception", output + error);
        Assert.DoesNotContain("   at ", output + error);
    }

    [Fact]
    public void A_section_written_twice_is_named()
    {
        WriteSettings("""{ "Mail": { "MaxAttempts": 5 }, "Mail": { "MaxAttempts": 6 } }""");

        var (exit, _, error) = WorkerProcess.Run(Folder("wd"), Env(), "jobs");

        Assert.Equal(1, exit);
        Assert.Contains("Mail:MaxAttempts 写了两次", error);
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void A_password_is_taken_from_the_site_secrets_file_only_when_other_users_cannot_read_it()
    {
        WriteSettings($$"""{ "Data": { "Root": "{{Data}}" }, "Mail": { "WriteToPickupFolder": true } }""");
        var secrets = Path.Combine(Site, "secrets.json");
        File.WriteAllText(secrets, """{ "Intake": { "Mailbox": { "Password": "s3cret" } } }""");

        File.SetUnixFileMode(secrets, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead);
        var privateFile = WorkerProcess.Run(Folder("wd"), Env(), "jobs");
        File.SetUnixFileMode(secrets, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        var readableByAll = WorkerProcess.Run(Folder("wd"), Env(), "jobs");

        Assert.Equal(0, privateFile.ExitCode);
        Assert.Contains($"{secrets}（密码）", privateFile.Output);
        Assert.Equal(1, readableByAll.ExitCode);
        Assert.Contains($"密码文件 {secrets} 其他用户也能读写", readableByAll.Error);
        Assert.Contains("chmod 640", readableByAll.Error);
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void Settings_other_users_can_change_are_refused()
    {
        WriteSettings($$"""{ "Data": { "Root": "{{Data}}" } }""");
        var file = Path.Combine(Site, "appsettings.json");
        File.SetUnixFileMode(file, (UnixFileMode)0b110_110_110);

        var (exit, _, error) = WorkerProcess.Run(Folder("wd"), Env(), "jobs");

        Assert.Equal(1, exit);
        Assert.Contains($"{file} 其他用户也能修改（权限 0666）", error);
    }

    [Fact]
    public void A_password_in_the_plain_site_settings_is_refused()
    {
        WriteSettings($$"""{ "Data": { "Root": "{{Data}}" }, "Mail": { "Smtp": { "Password": "s3cret" } } }""");

        var (exit, _, error) = WorkerProcess.Run(Folder("wd"), Env(), "jobs");

        Assert.Equal(1, exit);
        Assert.Contains($"Mail:Smtp:Password 写在了 {Path.Combine(Site, "appsettings.json")} 中", error);
        Assert.Contains("secrets.json", error);
    }

    [Fact]
    public void An_empty_smtp_host_not_chosen_on_purpose_is_warned_about_at_start_up()
    {
        WriteSettings($$"""{ "Data": { "Root": "{{Data}}" } }""");
        var forgotten = StartupLog(Env());

        WriteSettings($$"""{ "Data": { "Root": "{{Data}}" }, "Mail": { "WriteToPickupFolder": true } }""");
        var chosen = StartupLog(Env());

        Assert.Contains("邮件不会发出：Mail:Smtp:Host 为空", forgotten);
        Assert.Contains("Mail:WriteToPickupFolder", forgotten);
        Assert.Contains($"数据目录：{Data}", chosen);
        Assert.DoesNotContain("邮件不会发出", chosen);
    }

    [Fact]
    public void Settings_set_only_in_the_service_environment_are_warned_about()
    {
        WriteSettings($$"""{ "Data": { "Root": "{{Data}}" }, "Mail": { "WriteToPickupFolder": true } }""");

        var log = StartupLog(Env(("Reporting__DueDay", "6")));

        Assert.Contains("以下设置只来自服务的环境变量：Reporting__DueDay", log);
    }

    /// <summary>Starts the service, reads its log until it has started, and stops it.</summary>
    private string StartupLog(Dictionary<string, string> env)
    {
        using var process = WorkerProcess.Start(Folder("svc"), env);
        var log = new System.Text.StringBuilder();
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < TimeSpan.FromMinutes(1) && process.StandardOutput.ReadLine() is { } line)
        {
            log.AppendLine(line);
            if (line.Contains("Application started", StringComparison.Ordinal)) break;
        }
        process.Kill(entireProcessTree: true);
        process.WaitForExit();
        return log.ToString();
    }
}
