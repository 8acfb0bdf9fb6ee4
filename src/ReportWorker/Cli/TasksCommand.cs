using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using ReportWorker.Calendar;
using ReportWorker.Ledger;
using ReportWorker.Periods;
using ReportWorker.Registry;
using ReportWorker.Text;

namespace ReportWorker.Cli;

/// <summary>
/// <c>tasks</c>: the yearly lists in the ledger and a month's carried-over tasks; <c>tasks retire</c>: the
/// office takes tasks off the books (核销); <c>tasks history</c>: what happened to one task.
/// </summary>
internal static class TasksCommand
{
    public static Command Create()
    {
        var month = CliOptions.Month(required: false);
        month.Description = "看哪个月的账（默认本月），格式 YYYY-MM";
        var tasks = new Command("tasks", "列出各年度任务清单，以及某月账上的上年结转任务和已核销任务") { month };
        tasks.SetAction((parse, ct) => CommandLine.Execute((sp, _) =>
        {
            var calendar = sp.GetRequiredService<ReportingCalendar>();
            var m = parse.GetValue(month) is { } text ? CliOptions.ParseMonth(text) : ReportMonth.Of(calendar.Now);
            Console.Write(Render(sp.GetRequiredService<RegistryStore>(), sp.GetRequiredService<LedgerStatus>().For(m)));
            return Task.FromResult(0);
        }));

        var year = new Option<int>("--year") { Description = "任务所属的年度（上年结转的任务写它原来的年度）", Required = true };
        var codes = new Argument<string[]>("CODE") { Description = "任务编号，可写多个", Arity = ArgumentArity.OneOrMore };
        var reason = new Option<string>("--reason") { Description = "核销原因，记入任务历史", Required = true };
        var from = new Option<string?>("--from") { Description = "自哪个月起不再列入（默认本月；不能早于本月）" };
        var retire = new Command("retire", "核销任务：自某月起不再列入报表、台账和通报（以前月份不变，任务和报送记录都保留）") { year, codes, reason, from };
        retire.SetAction((parse, ct) => CommandLine.Execute((sp, _) =>
        {
            var effective = parse.GetValue(from) is { } text ? CliOptions.ParseMonth(text) : (ReportMonth?)null;
            var result = sp.GetRequiredService<TaskRetirement>().Retire(parse.GetValue(year), parse.GetRequiredValue(codes), parse.GetRequiredValue(reason), effective);
            if (result.Retired.Count > 0)
                Console.WriteLine($"已核销 {result.Year}年度任务 {string.Join("、", result.Retired)}：自{result.From.ToChinese()}起不再列入报表、台账和通报，原因已记入任务历史。");
            if (result.AlreadyRetired.Count > 0) Console.WriteLine($"此前已核销，未改动：{string.Join("、", result.AlreadyRetired)}。");
            return Task.FromResult(0);
        }));

        var hYear = new Option<int>("--year") { Description = "任务所属的年度", Required = true };
        var code = new Argument<string>("CODE") { Description = "任务编号" };
        var history = new Command("history", "显示一项任务的历史：导入后的修改、核销") { hYear, code };
        history.SetAction((parse, ct) => CommandLine.Execute((sp, _) =>
        {
            var registry = sp.GetRequiredService<RegistryStore>();
            var wanted = TextNormalizer.Narrow(parse.GetRequiredValue(code)).ToUpperInvariant();
            var task = registry.TasksOfYear(parse.GetValue(hYear)).FirstOrDefault(t => t.Code == wanted)
                ?? throw new CommandException($"{parse.GetValue(hYear)}年度清单中没有任务 {wanted}。");
            Console.WriteLine($"{task.Year}年度 {task.Code}：{task.Content}（完成时限 {task.DueText}）{(task.RetiredFrom is null ? "" : $"，自 {task.RetiredFrom} 起已核销")}");
            var calendar = sp.GetRequiredService<ReportingCalendar>();
            var rows = registry.History(task.Id);
            if (rows.Count == 0) Console.WriteLine("导入后没有改动过。");
            foreach (var (at, action, note) in rows)
                Console.WriteLine($"  {ReportingCalendar.Chinese(calendar.ToLocal(DateTimeOffset.Parse(at, System.Globalization.CultureInfo.InvariantCulture)))}  {(action == "retired" ? "核销" : "重新导入时修改")}{(note is null ? "" : "：" + note)}");
            return Task.FromResult(0);
        }));

        tasks.Subcommands.Add(retire);
        tasks.Subcommands.Add(history);
        return tasks;
    }

    internal static string Render(RegistryStore registry, MonthStatus month)
    {
        var w = new StringWriter();
        var years = registry.ListYears();
        if (years.Count == 0) w.WriteLine("台账中还没有任何年度任务清单：请运行 import tasks 清单文件 导入。");
        foreach (var (y, count) in years)
        {
            var retired = registry.TasksOfYear(y).Count(t => t.RetiredFrom is not null);
            w.WriteLine($"{y}年度任务清单：{count} 项{(retired > 0 ? $"，其中已核销 {retired} 项" : "")}");
        }
        w.WriteLine();
        if (!month.HasList) w.WriteLine($"注意：{month.Year}年度任务清单还没有导入（import tasks 清单文件 --year {month.Year}）。");
        var carried = month.Tasks.Where(t => t.Task.CarriedOver).ToArray();
        w.WriteLine($"{month.Month.ToChinese()}账上：{month.Year}年度清单 {month.Tasks.Count - carried.Length} 项，上年结转 {carried.Length} 项。");
        if (carried.Length > 0)
        {
            var table = new ConsoleTable("编号", "牵头单位", "时限", "最近状态", "进度", "本年销号");
            var names = month.Units.ToDictionary(u => u.Unit.Code, u => u.Unit.ShortName);
            foreach (var t in carried)
                table.Add(t.Task.Code, names.GetValueOrDefault(t.Task.LeadUnit, t.Task.LeadUnit), t.Task.DueText, t.LastStatus ?? "未报", t.LastPercent?.ToString("0.#") ?? "",
                    t.ClosedIn is { } closed ? closed.ToChinese() : "");
            w.Write(table);
        }
        return w.ToString();
    }
}
