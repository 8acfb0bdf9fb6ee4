using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using ReportWorker.Assessment;
using ReportWorker.Text;

namespace ReportWorker.Cli;

/// <summary>
/// <c>assessment show|draft|final --year</c>: the 年考核 (scores on the console, the draft 反馈单, the 通报 and
/// final 反馈单); <c>import assessment FILE --year</c> is in <see cref="ImportCommands"/>.
/// </summary>
internal static class AssessmentCommand
{
    public static Command Create()
    {
        var assessment = new Command("assessment", "年度考核：查看得分、发出初步结果（反馈单）、印发考核结果通报");

        var showYear = Year();
        var unit = new Option<string?>("--unit") { Description = "只看一个单位的得分和扣分依据（单位代码）" };
        var show = new Command("show", "按现在的台账计算并显示各单位得分、等次和排名（不生成文件，不登记）") { showYear, unit };
        show.SetAction((parse, ct) => CommandLine.Execute((sp, _) =>
        {
            var result = sp.GetRequiredService<AssessmentService>().Compute(parse.GetValue(showYear));
            Console.Write(parse.GetValue(unit) is { } code
                ? Detail(result.Units.FirstOrDefault(u => u.Unit.Code == code) ?? throw new CommandException($"单位 {code} 不在 {result.Year} 年度的考核名单中。"))
                : Table(result));
            return Task.FromResult(0);
        }));

        assessment.Subcommands.Add(show);
        assessment.Subcommands.Add(Stage("draft", "发出各单位的考核反馈单（初步结果），注明提出异议的期限", final: false));
        assessment.Subcommands.Add(Stage("final", "印发年度考核结果通报和各单位的考核反馈单（最终结果）", final: true));
        assessment.Subcommands.Add(AssessmentObjectionsCommand.Create());
        return assessment;
    }

    private static Option<int> Year() => new("--year") { Description = "考核年度，例如 2025", Required = true };

    private static Command Stage(string name, string description, bool final)
    {
        var year = Year();
        var reissue = new Option<bool>("--reissue") { Description = "重新生成：按现在的台账生成新的、标明版次的版本" };
        var send = new Option<bool>("--send") { Description = "同时发邮件（同一版次只发一次）" };
        var force = new Option<bool>("--force") { Description = final ? "异议期限未到或未发初步结果也强制印发" : "12月报表未截止也强制发出" };
        var preview = new Option<bool>("--preview") { Description = "只生成草稿到 data/briefings/preview/YYYY-考核/：每页标“草稿”，不登记、不发送" };
        var command = new Command(name, description) { year, reissue, send, force, preview };
        command.SetAction((parse, ct) => CommandLine.Execute(async (sp, token) =>
        {
            var y = parse.GetValue(year);
            if (parse.GetValue(preview))
            {
                if (parse.GetValue(reissue) || parse.GetValue(send) || parse.GetValue(force)) throw new CommandException("--preview 只生成草稿，不能与 --reissue、--send 或 --force 同用。");
                var draft = sp.GetRequiredService<AssessmentService>().Preview(y, final);
                if (draft.NoticePath is not null) Console.WriteLine($"已写出通报草稿 {draft.NoticePath}：{draft.Notice!.PageCount} 页。");
                Console.WriteLine($"已写出反馈单草稿 {draft.Slips.Count} 份到 {Path.GetDirectoryName(draft.Slips.FirstOrDefault()?.Path)}；每页标有“草稿 仅供审阅”，未登记，未发送。");
                return 0;
            }
            var publisher = sp.GetRequiredService<AssessmentPublisher>();
            var (issued, queued) = final
                ? publisher.Final(y, parse.GetValue(reissue), queue: parse.GetValue(send), force: parse.GetValue(force))
                : publisher.Draft(y, parse.GetValue(reissue), queue: parse.GetValue(send), force: parse.GetValue(force));
            var version = issued.Record.Version > 1 ? $"（第{issued.Record.Version}版）" : "";
            if (issued.NoticePath is not null) Console.WriteLine($"已写出 {issued.NoticePath}：考核结果通报第{issued.Record.IssueNo}号{version}，{issued.Notice!.PageCount} 页。");
            Console.WriteLine($"已写出考核反馈单（{(final ? "最终结果" : "初步结果")}）{issued.Slips.Count} 份{version}到 {Path.GetDirectoryName(issued.Slips.FirstOrDefault()?.Path)}。" +
                              (final ? "" : $"异议期限：{Calendar.ReportingCalendar.Chinese(issued.ObjectBy)}。"));
            if (issued.Forced) Console.WriteLine("注意：已按 --force 提前生成。");
            Console.Write(Table(issued.Result));
            if (parse.GetValue(send)) await BriefingCommand.Send(sp, queued, token);
            return 0;
        }));
        return command;
    }

    internal static string Table(AssessmentResult result)
    {
        var w = new StringWriter();
        w.WriteLine($"{result.Year}年度考核（{result.Scheme.Name}）：参加考核 {result.Units.Count} 个单位，" +
                    string.Join("，", result.Scheme.Grades.Select(g => $"{g.Name} {result.CountOf(g.Name)}")) + $"；“{result.Scheme.TopGrade}”至多 {result.TopGradeLimit} 个。");
        var headers = new List<string> { "排名", "代码", "单位" };
        headers.AddRange(result.Scheme.Indicators.Select(i => i.Name));
        headers.AddRange(["加分", "扣分", "总分", "等次"]);
        var table = new ConsoleTable(headers.ToArray());
        foreach (var u in result.Units)
            table.Add([u.Rank, u.Unit.Code, u.Unit.ShortName, .. u.Indicators.Select(i => (object)(i.Applicable ? AssessmentCalculator.Points(i.Score) : "—")),
                AssessmentCalculator.Points(u.Bonus.Counted), AssessmentCalculator.Points(u.Deduction.Counted), AssessmentCalculator.Points(u.Score), u.Grade]);
        w.Write(table);
        if (result.NotAssessed.Count > 0) w.WriteLine($"不参加考核（本年度无任务）：{string.Join("、", result.NotAssessed.Select(u => u.ShortName))}");
        return w.ToString();
    }

    internal static string Detail(UnitResult u)
    {
        var w = new StringWriter();
        w.WriteLine($"{u.Unit.Name}：总分 {AssessmentCalculator.Points(u.Score)}，等次 {u.Grade}，第 {u.Rank} 名{(u.GradeNote is null ? "" : "（" + u.GradeNote + "）")}");
        foreach (var i in u.Indicators)
        {
            w.WriteLine($"  {i.Indicator.Name}（{AssessmentCalculator.Points(i.Indicator.Points)}分）：{(i.Applicable ? AssessmentCalculator.Points(i.Score) : "不计分")}　{i.Summary}");
            foreach (var r in i.Reasons) w.WriteLine($"    {AssessmentCalculator.Points(r.Points),6}  {r.Evidence}");
        }
        foreach (var r in u.Bonus.Reasons) w.WriteLine($"  工委加分 {AssessmentCalculator.Points(r.Points)}：{r.Evidence}");
        foreach (var r in u.Deduction.Reasons) w.WriteLine($"  工委扣分 {AssessmentCalculator.Points(r.Points)}：{r.Evidence}");
        foreach (var r in u.Vetoes) w.WriteLine($"  否决事项：{r.Evidence}");
        return w.ToString();
    }
}
