using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using ReportWorker.Calendar;
using ReportWorker.Ledger;
using ReportWorker.Text;

namespace ReportWorker.Cli;

internal static class StatusCommand
{
    public static Command Create()
    {
        var month = CliOptions.Month();
        var command = new Command("status", "以表格显示某月台账：各单位报送情况与任务状态") { month };
        command.SetAction((parse, ct) => CommandLine.Execute((sp, _) =>
        {
            var status = sp.GetRequiredService<LedgerStatus>().For(CliOptions.ParseMonth(parse.GetValue(month)));
            if (RelayHeadline.For(sp) is { } relay) Console.WriteLine(relay);
            Console.Write(Render(status, sp.GetRequiredService<ReportingCalendar>()));
            Console.WriteLine(sp.GetRequiredService<Hosting.ConfigurationReview>().WhereSettingsAndData() + "。");
            return Task.FromResult(0);
        }));
        return command;
    }

    internal static string Render(MonthStatus s, ReportingCalendar calendar)
    {
        var w = new StringWriter();
        w.WriteLine($"{s.Month.ToChinese()} 台账　报送截止 {ReportingCalendar.Chinese(s.DueAt)}{calendar.DueNote(s.Month)}");
        if (!s.HasList) w.WriteLine($"注意：{s.Year}年度任务清单还没有导入（import tasks 清单文件 --year {s.Year}），下面只有上年结转的任务。");
        var carried = s.CarriedOver;
        var books = carried == 0 ? "" : $"（{s.Year}年度清单 {s.Tasks.Count - carried} 项，上年结转 {carried} 项、其中本年已销号 {s.Tasks.Count(t => t.Task.CarriedOver && t.Closed)} 项）";
        w.WriteLine($"任务 {s.Tasks.Count} 项{books}：已销号 {s.ClosedToDate}（本月 {s.ClosedThisMonth}），挂账 {s.Open}，其中逾期 {s.Overdue}、滞后/未启动 {s.Lagging}。");
        var expected = s.Units.Count(u => u.TaskCount > 0);
        w.WriteLine($"报送：应报 {expected} 个单位，按时 {s.OnTime.Count()}，逾期 {s.Late.Count()}，未报 {s.Missing.Count()}{(s.Missing.Any() ? "（" + string.Join("、", s.Missing.Select(u => u.Unit.ShortName)) + "）" : "")}。");
        w.WriteLine();
        var table = new ConsoleTable("代码", "单位", "任务", "报送", "收到时间", "版本", "已完成", "序时推进", "滞后", "未启动");
        foreach (var u in s.Units)
            table.Add(u.Unit.Code, u.Unit.ShortName, u.TaskCount,
                u.State switch { SubmissionState.NothingToReport => "无任务", SubmissionState.Missing => "未报", SubmissionState.Late => "逾期", _ => "按时" },
                u.Submission is null ? "" : calendar.ToLocal(u.Submission.ReceivedAt).ToString("MM-dd HH:mm"),
                u.Versions == 0 ? "" : u.Versions,
                Count(u, ReportStatus.Completed), Count(u, ReportStatus.OnSchedule), Count(u, ReportStatus.Lagging), Count(u, ReportStatus.NotStarted));
        w.Write(table);
        var problems = s.Tasks.Where(t => t.Overdue || t.Lagging).ToArray();
        if (problems.Length > 0)
        {
            w.WriteLine();
            w.WriteLine("逾期或滞后的任务：");
            var t2 = new ConsoleTable("编号", "牵头单位", "时限", "最近状态", "进度", "情况");
            var names = s.Units.ToDictionary(u => u.Unit.Code, u => u.Unit.ShortName);
            foreach (var t in problems)
                t2.Add(t.Task.Code, names.GetValueOrDefault(t.Task.LeadUnit, t.Task.LeadUnit), t.Task.DueText, t.LastStatus ?? "未报", t.LastPercent?.ToString("0.#") ?? "",
                    string.Join("、", new[] { t.Overdue ? "逾期" : null, t.Lagging ? $"滞后{(t.LaggingMonthsRunning > 1 ? $"（连续{t.LaggingMonthsRunning}个月）" : "")}" : null }.Where(x => x is not null)));
            w.Write(t2);
        }
        return w.ToString();
    }

    private static string Count(UnitMonthStatus u, string status) => u.StatusCounts.TryGetValue(status, out var n) ? n.ToString() : "";
}
