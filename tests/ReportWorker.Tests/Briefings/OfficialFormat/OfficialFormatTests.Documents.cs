using System.Text.RegularExpressions;

namespace ReportWorker.Tests.Briefings.OfficialFormat;

/// <summary>The right document for each reader (issue 14, part 4): a 专报 for the leaders, a numbered letter for each unit.</summary>
public sealed partial class OfficialFormatTests
{
    [Fact]
    public void The_leaders_get_a_专报_that_reports_to_them_not_a_通报_addressed_to_them()
    {
        var doc = issued.Documents.Single(d => d.Kind == DocumentKind.QuarterlySummary);
        var lines = doc.Lines.SelectMany(l => l).ToArray();

        Assert.Equal("督办工作专报", lines[0]);
        Assert.Matches(@"^2025年第\d+期$", lines[1]);
        Assert.DoesNotContain(lines, l => l.Contains("通报", StringComparison.Ordinal) && !l.Contains("月通报", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l == "工委领导：");
        Assert.Contains("报：工委领导同志。", doc.Lines[^1]);
    }

    [Fact]
    public void Each_督办单_has_a_number_of_its_own_says_how_and_by_when_to_answer_and_whom_to_call()
    {
        var slips = issued.Documents.Where(d => d.Kind == DocumentKind.SupervisionSlip).ToArray();
        var numbers = new List<string>();
        foreach (var slip in slips)
        {
            var text = string.Concat(slip.Lines.SelectMany(l => l));
            numbers.Add(Regex.Match(text, @"琼直工委督单〔2025〕1-\d{2}号").Value);
            Assert.Matches(@"请于2025年4月30日前完成整改.*最迟随2025年4月的月报表于2025年5月\d+日前报送工委办公室", text);
            Assert.Contains("（联系人：", text);
            Assert.Matches(@"电话：[0-9\-]+）", text);
            // The title is said once: the masthead carries the organ and the slip's number, not a second title.
            Assert.Single(slip.Lines.SelectMany(l => l), l => l.Contains("督办单", StringComparison.Ordinal) && !l.StartsWith("琼直", StringComparison.Ordinal));
        }
        Assert.DoesNotContain("", numbers);
        Assert.Equal(slips.Length, numbers.Distinct().Count());
    }
}
