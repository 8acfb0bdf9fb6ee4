using Microsoft.Extensions.Options;
using ReportWorker.Briefings;
using ReportWorker.Scheduling;
using ReportWorker.Tests.Support;

namespace ReportWorker.Tests.Cli;

/// <summary>Settings below the top level of a section (list items, nested sections) are checked too, and named by their full key.</summary>
public sealed class NestedSettingsTests
{
    [Fact]
    public void A_leader_address_that_is_not_an_email_address_is_named_by_its_key()
    {
        using var world = new TestWorld(new Dictionary<string, string?> { ["Briefings:Leaders:1:Email"] = "not-an-email" });

        var error = Assert.Throws<OptionsValidationException>(() => world.Get<IOptions<BriefingsOptions>>().Value);

        Assert.Contains("Briefings:Leaders:1:Email", error.Message);
    }

    [Fact]
    public void A_cluster_interval_out_of_range_is_named_by_its_key()
    {
        using var world = new TestWorld(new Dictionary<string, string?> { ["Schedule:Cluster:CheckinIntervalSeconds"] = "0" });

        var error = Assert.Throws<OptionsValidationException>(() => world.Get<IOptions<ScheduleOptions>>().Value);

        Assert.Contains("Schedule:Cluster:CheckinIntervalSeconds", error.Message);
    }

    [Fact]
    public void The_real_executable_refuses_to_start_with_a_bad_nested_setting_and_says_which()
    {
        var root = Directory.CreateTempSubdirectory("rw-nested-").FullName;
        try
        {
            var env = new Dictionary<string, string> { ["Data__Root"] = Path.Combine(root, "data"), ["Briefings__Leaders__0__Email"] = "书记" };

            var (exit, _, error) = WorkerProcess.Run(root, env, "jobs");

            Assert.Equal(1, exit);
            Assert.Contains("Briefings:Leaders:0:Email", error);
        }
        finally { Directory.Delete(root, recursive: true); }
    }
}
