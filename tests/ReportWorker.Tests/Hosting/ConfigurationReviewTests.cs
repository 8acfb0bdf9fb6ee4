using ReportWorker.Hosting;
using ReportWorker.Tests.Support;

namespace ReportWorker.Tests.Hosting;

/// <summary>Settings that start but are probably not meant, each said once with what to do.</summary>
public sealed class ConfigurationReviewTests
{
    [Fact]
    public void A_fresh_install_hears_of_the_pickup_folder_the_example_addresses_the_empty_registry_and_the_missing_list()
    {
        using var world = new TestWorld();

        var warnings = world.Get<ConfigurationReview>().Warnings();

        Assert.Contains(warnings, w => w.StartsWith("邮件不会发出：Mail:Smtp:Host 为空", StringComparison.Ordinal));
        Assert.Contains(warnings, w => w.Contains("Organization:OperatorEmail（gongwei-office@example.gov.cn）", StringComparison.Ordinal));
        Assert.Contains(warnings, w => w.StartsWith("单位名录是空的", StringComparison.Ordinal));
        Assert.Contains(warnings, w => w.StartsWith("2025年度任务清单还没有导入", StringComparison.Ordinal));
        Assert.DoesNotContain(warnings, w => w.Contains("程序目录", StringComparison.Ordinal));
    }

    [Fact]
    public void A_site_that_chose_the_folder_set_real_addresses_and_imported_its_year_hears_nothing()
    {
        using var world = new TestWorld(new Dictionary<string, string?>
        {
            ["Mail:WriteToPickupFolder"] = "true",
            ["Organization:OperatorEmail"] = "office@gw.hainan.gov.cn",
            ["Mail:FromAddress"] = "report@gw.hainan.gov.cn",
            ["Briefings:Leaders:0:Email"] = "a@gw.hainan.gov.cn",
            ["Briefings:Leaders:1:Email"] = "b@gw.hainan.gov.cn",
            ["Briefings:Leaders:2:Email"] = "c@gw.hainan.gov.cn",
        });
        world.ImportSmallRegistry();
        world.ImportUnits(Path.Combine(world.Root, "real-units.xlsx"), TestWorld.SmallUnits.Select(u => u[..4].Append(u[4].Replace("example.gov.cn", "hainan.gov.cn", StringComparison.Ordinal)).ToArray()));

        Assert.Empty(world.Get<ConfigurationReview>().Warnings());
    }

    [Fact]
    public void A_leader_left_from_the_defaults_is_named_as_an_example_address()
    {
        // The site gave two leaders; the defaults' third is merged in by index.
        using var world = new TestWorld(new Dictionary<string, string?>
        {
            ["Briefings:Leaders:0:Email"] = "a@gw.hainan.gov.cn",
            ["Briefings:Leaders:1:Email"] = "b@gw.hainan.gov.cn",
        });

        Assert.Contains(world.Get<ConfigurationReview>().Warnings(), w => w.Contains("Briefings:Leaders 中 1 位领导的邮箱（如 bangongshi@example.gov.cn）", StringComparison.Ordinal));
    }

    [Fact]
    public void A_data_folder_inside_the_program_folder_is_warned_about()
    {
        var inside = Path.Combine(AppContext.BaseDirectory, $"rw-inside-{Guid.NewGuid():N}");
        try
        {
            using var world = new TestWorld(new Dictionary<string, string?> { ["Data:Root"] = inside });

            Assert.Contains(world.Get<ConfigurationReview>().Warnings(), w => w.StartsWith($"数据目录 {inside} 在程序目录", StringComparison.Ordinal));
        }
        finally { if (Directory.Exists(inside)) Directory.Delete(inside, recursive: true); }
    }
}
