using System.CommandLine;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using ReportWorker.Assessment;
using ReportWorker.Calendar;
using ReportWorker.Registry;
using ReportWorker.Text;

namespace ReportWorker.Cli;

/// <summary><c>assessment objections --year</c>: the replies to the draft 反馈单 recorded as objections, each judged against the deadline.</summary>
internal static class AssessmentObjectionsCommand
{
    private const int FirstLineWidth = 40;

    internal static Command Create()
    {
        var year = new Option<int>("--year") { Description = "考核年度，例如 2025", Required = true };
        var command = new Command("objections", "列出各单位对考核初步结果提出的异议（回复反馈单的邮件）：单位、发件人、收到时间、是否在期限内、内容首行") { year };
        command.SetAction((parse, ct) => CommandLine.Execute((sp, _) =>
        {
            var register = sp.GetRequiredService<AssessmentObjections>();
            var y = parse.GetValue(year);
            Console.Write(Listing(y, register.Window(y), register.For(y), sp.GetRequiredService<RegistryStore>().Units(), sp.GetRequiredService<ReportingCalendar>(), register));
            return Task.FromResult(0);
        }));
        return command;
    }

    internal static string Listing(int year, ObjectionWindow? window, IReadOnlyList<AssessmentObjection> objections, IReadOnlyList<Unit> units,
        ReportingCalendar calendar, AssessmentObjections register)
    {
        var w = new StringWriter();
        if (window is null) w.WriteLine($"{year}年度考核初步结果尚未发出。");
        else
        {
            var version = window.DraftVersion > 1 ? $"（第{window.DraftVersion}版）" : "";
            var final = window.FinalIssued is { } at ? $"最终结果已于{ReportingCalendar.Chinese(at)}印发" : "最终结果尚未印发";
            w.WriteLine($"{year}年度考核初步结果{version}于{ReportingCalendar.Chinese(window.DraftIssued)}发出，异议期限{ReportingCalendar.Chinese(window.ObjectBy)}；{final}。");
        }
        if (objections.Count == 0)
        {
            w.WriteLine("尚未收到异议。");
            return w.ToString();
        }
        var late = window is null ? 0 : objections.Count(o => !register.Within(window, o.ReceivedTime));
        w.WriteLine($"收到异议 {objections.Count} 件" + (window is null ? "：" : $"（期限内 {objections.Count - late} 件，逾期 {late} 件）："));
        var names = units.ToDictionary(u => u.Code, u => u.ShortName);
        var table = new ConsoleTable("编号", "单位", "发件人", "收到时间", "期限", "内容（首行）");
        foreach (var o in objections)
            table.Add(o.Id, o.UnitCode is null ? "-" : names.GetValueOrDefault(o.UnitCode, o.UnitCode), o.Sender,
                calendar.ToLocal(o.ReceivedTime).ToString("yyyy-MM-dd HH:mm"),
                window is null ? "-" : register.Within(window, o.ReceivedTime) ? "期限内" : "逾期", FirstLine(o.Body));
        w.Write(table);
        w.WriteLine("全文见转给工委办公室的“考核异议”邮件（附原邮件）；原邮件也按收到日期存于数据目录的 archive/mail/ 下。");
        return w.ToString();
    }

    /// <summary>The first line that says something, cut to a width a terminal row can hold.</summary>
    internal static string FirstLine(string body)
    {
        var line = body.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0) ?? "（正文为空）";
        if (ConsoleTable.Width(line) <= FirstLineWidth) return line;
        var cut = new StringBuilder();
        foreach (var rune in line.EnumerateRunes())
        {
            if (ConsoleTable.Width(cut.ToString() + rune) > FirstLineWidth - 1) break;
            cut.Append(rune.ToString());
        }
        return cut.Append('…').ToString();
    }
}
