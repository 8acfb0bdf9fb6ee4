using System.Text.RegularExpressions;
using Dapper;

namespace ReportWorker.Tests.Demo;

/// <summary>The demo's last step: the 2025 年考核, checked against counts made straight from the ledger.</summary>
public sealed partial class DemoTests
{
    [Fact]
    public void The_demo_ends_with_the_assessment_whose_slips_name_every_late_and_missing_month_the_ledger_has()
    {
        Assert.True(run.First.ExitCode == 0, run.First.Error);
        Assert.Contains("发出2025年度考核反馈单（初步结果）40 份", run.First.Output);
        Assert.Contains("印发2025年度考核结果通报（琼直工委考〔2026〕1号", run.First.Output);
        Assert.Matches(@"发出2025年度考核反馈单（初步结果）40 份.*新排队 0 封", run.Second.Output);
        Assert.Matches(@"印发2025年度考核结果通报.*新排队 0 封", run.Second.Output);

        var folder = Path.Combine(run.Data, "briefings", "2025-考核");
        var finals = Directory.GetFiles(folder, "*-最终结果.pdf");
        Assert.Equal(40, finals.Length);
        Assert.Equal(40, Directory.GetFiles(folder, "*-初步结果.pdf").Length);

        var show = run.Run("assessment", "show", "--year", "2025");
        Assert.True(show.ExitCode == 0, show.Error);
        var scores = AssessmentRow().Matches(show.Output).ToDictionary(m => m.Groups["code"].Value, m => (Score: m.Groups["score"].Value, Grade: m.Groups["grade"].Value));
        Assert.Equal(40, scores.Count);

        using var c = run.Ledger();
        // Owed months counted straight from the ledger: a unit with a 2025 task, each month someone reported for.
        var owed = c.Query<(string Unit, string Month, long? Late)>("""
            SELECT u.code, m.month, s.late FROM units u
            CROSS JOIN (SELECT DISTINCT month FROM submissions WHERE month LIKE '2025-%') m
            LEFT JOIN submissions s ON s.unit_code = u.code AND s.month = m.month AND s.superseded_by IS NULL
            WHERE EXISTS (SELECT 1 FROM tasks t WHERE t.year = 2025 AND (t.lead_unit = u.code OR EXISTS (SELECT 1 FROM task_co_units co WHERE co.task_id = t.id AND co.unit_code = u.code)))
            """).ToLookup(r => r.Unit);
        foreach (var file in finals)
        {
            var code = SlipUnit().Match(Path.GetFileName(file)).Groups[1].Value;
            using var pdf = UglyToad.PdfPig.PdfDocument.Open(file);
            var text = string.Concat(pdf.GetPages().SelectMany(p => p.Letters).Select(l => l.Value)).Replace(" ", "");
            Assert.Contains($"总分{scores[code].Score}分，等次“{scores[code].Grade}”", text);
            Assert.Equal(owed[code].Count(r => r.Late == 1), Occurrences(text, "月报逾期报送"));
            Assert.Equal(owed[code].Count(r => r.Late is null), Occurrences(text, "月报未报送"));
        }
        var entries = c.Query<(string Unit, string Reason)>("SELECT unit_code, reason FROM assessment_entries").ToArray();
        Assert.Equal(5, entries.Length);
        foreach (var (unit, reason) in entries)
        {
            using var pdf = UglyToad.PdfPig.PdfDocument.Open(finals.Single(f => f.Contains($"-{unit}-")));
            Assert.Contains(reason.Replace(" ", ""), string.Concat(pdf.GetPages().SelectMany(p => p.Letters).Select(l => l.Value)).Replace(" ", ""));
        }
    }

    private static int Occurrences(string text, string word) => (text.Length - text.Replace(word, "").Length) / word.Length;

    [GeneratedRegex(@"^\d+\s+(?<code>U\d+)\s+\S+.*?\s(?<score>[\d.]+)\s+(?<grade>好|较好|一般|差)\s*$", RegexOptions.Multiline)] private static partial Regex AssessmentRow();
    [GeneratedRegex(@"考核反馈单-(U\d+)-")] private static partial Regex SlipUnit();
}
