using Microsoft.Extensions.Configuration;
using ReportWorker.Hosting;

namespace ReportWorker.Tests.Hosting;

/// <summary>The keys as written, against the shapes the features declare.</summary>
public sealed class SettingsCheckerTests
{
    private sealed class Shape
    {
        public int DueDay { get; set; }
        public bool Enabled { get; set; }
        public DayOfWeek Day { get; set; }
        public List<Item> Items { get; set; } = [];
        public Dictionary<string, Item> Named { get; set; } = [];
    }

    private sealed class Item
    {
        public string Email { get; set; } = "";
    }

    private sealed class Other
    {
        public string Phone { get; set; } = "";
    }

    private static readonly SettingsSection[] Sections = [new("Part", typeof(Shape)), new("Doc:Signing", typeof(Other))];

    private static IReadOnlyList<string> Check(params (string Key, string Value)[] values) =>
        SettingsChecker.Check(new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build(), Sections);

    [Fact]
    public void Known_keys_of_the_right_kind_pass() =>
        Assert.Empty(Check(("Part:DueDay", "5"), ("Part:Enabled", "TRUE"), ("Part:Day", "monday"), ("Part:Items:0:Email", "a@b.cn"),
            ("Part:Named:x:Email", "a@b.cn"), ("Doc:Signing:Phone", "1")));

    [Theory]
    [InlineData("Part:DueDya", "是不是 Part:DueDay")]
    [InlineData("Part:Items:0:Emial", "是不是 Part:Items:0:Email")]
    [InlineData("Part:Named:x:Emali", "是不是 Part:Named:x:Email")]
    [InlineData("Doc:Signin:Phone", "是不是 Doc:Signing")]
    public void A_typo_is_named_with_the_key_meant(string key, string hint)
    {
        var problem = Assert.Single(Check((key, "1")));
        Assert.Contains(hint, problem);
    }

    [Fact]
    public void A_key_far_from_every_known_one_lists_what_the_section_has()
    {
        var problem = Assert.Single(Check(("Part:Frobnicate", "1")));
        Assert.DoesNotContain("是不是", problem);
        Assert.Contains("DueDay、Enabled、Day、Items、Named", problem);
    }

    [Theory]
    [InlineData("Part:DueDay", "five", "应为整数")]
    [InlineData("Part:Enabled", "yes", "应为 true 或 false")]
    [InlineData("Part:Day", "Funday", "以下之一：Sunday、Monday")]
    [InlineData("Part:Day", "3", "以下之一：")]
    [InlineData("Part:Day", "-", "以下之一：")]
    [InlineData("Part:Day", " 99", "以下之一：")]
    [InlineData("Part:DueDay", "", "不能留空，应为整数")]
    public void A_value_of_the_wrong_kind_says_what_is_expected(string key, string value, string expected)
    {
        var problem = Assert.Single(Check((key, value)));
        Assert.Contains(key, problem);
        Assert.Contains(expected, problem);
    }

    [Fact]
    public void A_single_value_where_a_group_belongs_is_caught()
    {
        var problem = Assert.Single(Check(("Part:Items", "a@b.cn")));
        Assert.Contains("应是一组设置", problem);
    }

    [Fact]
    public void The_open_telemetry_sdks_own_keys_and_a_schema_are_not_ours_to_judge_but_log_levels_are()
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("rw-checker-").FullName, "appsettings.json");
        File.WriteAllText(file, """{ "$schema": "x", "OTEL_EXPORTER_OTLP_HEADERS": "k=v", "Mial": {}, "Logging": { "LogLevel": { "Default": "Informational", "Quartz": "Warning" } } }""");
        var configuration = new ConfigurationBuilder().AddJsonFile(file).Build();

        var problems = SettingsChecker.Check(configuration, Sections);
        Directory.Delete(Path.GetDirectoryName(file)!, recursive: true);

        Assert.Equal(2, problems.Count);
        Assert.StartsWith("Mial（在 ", problems[0]); // a root key a settings file should not have: the file's other keys are fine
        var problem = problems[1];

        Assert.StartsWith("Logging:LogLevel:Default 的值“Informational”", problem);
        Assert.Contains("Information", problem);
    }

    [Fact]
    public void A_list_written_as_an_object_is_caught()
    {
        var problem = Assert.Single(Check(("Part:Items:first:Email", "a@b.cn")));
        Assert.Contains("列表", problem);
    }

    [Theory]
    [InlineData("DueDya", "DueDay")]
    [InlineData("WorkingDayOnly", "WorkingDaysOnly")]
    [InlineData("smtp", "Smtp")]
    public void The_nearest_name_is_found(string typed, string meant) =>
        Assert.Equal(meant, NearestName.Find(typed, ["DueDay", "DueTime", "WorkingDaysOnly", "Smtp", "Cron"]));

    [Fact]
    public void A_name_unlike_all_has_no_nearest() => Assert.Null(NearestName.Find("Password", ["DueDay", "Cron"]));
}
