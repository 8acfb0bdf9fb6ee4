using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using ReportWorker.Calendar;
using ReportWorker.Text;

namespace ReportWorker.Cli;

/// <summary><c>calendar</c> lists the years of holiday data; <c>calendar add FILE</c> adds one from the State Council's notice.</summary>
internal static class CalendarCommand
{
    public const string FileLayout = """
        文件格式（.xlsx 或 .csv），按国务院办公厅《关于YYYY年部分节假日安排的通知》填写，每个放假日期或调休上班日一行（连续几天可写成一段）：
          日期                     类型      名称
          2026-01-01至2026-01-03   放假      元旦
          2026-01-04               调休上班  元旦
          2026-02-15至2026-02-23   放假      春节
          2026-02-14、2026-02-28   调休上班  春节
        日期也可写 2026/2/15、2026年2月15日或 Excel 日期；类型写“放假”或“调休上班”（“上班”“补班”也可以）；
        七个法定节假日（元旦、春节、清明节、劳动节、端午节、中秋节、国庆节）都要有，连休时名称写“中秋节、国庆节”。
        """;

    public static Command Create()
    {
        var calendar = new Command("calendar", "列出节假日和调休数据覆盖的年份（每年放假和调休上班的天数）和数据文件的位置");
        calendar.SetAction((parse, ct) => CommandLine.Execute((sp, _) =>
        {
            Console.Write(Render(sp));
            return Task.FromResult(0);
        }));

        var file = new Argument<FileInfo>("FILE") { Description = "按国务院办公厅放假通知整理的 .xlsx 或 .csv：日期、类型（放假/调休上班）、名称" };
        var year = new Option<int?>("--year") { Description = "导入哪一年（文件中有相邻年份的日期时必填，例如元旦从上一年 12 月 31 日放起）" };
        var replace = new Option<bool>("--replace") { Description = "数据文件中已有这一年时，用本文件替换它" };
        var add = new Command("add", "导入一年的节假日安排。先检查整个文件，有问题时逐行说明，不写入任何数据。\n" + FileLayout) { file, year, replace };
        add.SetAction((parse, ct) => CommandLine.Execute((sp, _) =>
        {
            var path = parse.GetRequiredValue(file).FullName;
            Console.Write(Add(sp, path, parse.GetValue(year), parse.GetValue(replace)));
            return Task.FromResult(0);
        }));
        calendar.Subcommands.Add(add);
        return calendar;
    }

    internal static string Add(IServiceProvider sp, string path, int? year, bool replace)
    {
        var store = sp.GetRequiredService<HolidayCalendarFile>();
        var calendar = sp.GetRequiredService<ReportingCalendar>();
        var name = Path.GetFileName(path);
        var parsed = HolidaySheet.Read(path, year, $"calendar add {name}（{calendar.Today:yyyy-MM-dd}）");
        if (calendar.WorkingDays.Years.FirstOrDefault(y => y.Year == parsed.Year) is { } existing && !replace)
            throw new CommandException($"{parsed.Year} 年已在 {store.DataFile} 中（{Counts(existing)}，来源：{existing.Source}），未写入任何数据。"
                + $"要用 {name} 替换它，请加 --replace。");
        var old = store.Add(parsed, replace);
        var w = new StringWriter();
        w.WriteLine($"已{(old is null ? "导入" : "替换")} {parsed.Year} 年的节假日安排（{Counts(parsed)}），写入 {store.DataFile}。运行中的服务会自动使用，无需重启。");
        Describe(w, parsed);
        if (calendar.WorkingDays.Coverage(calendar.Today).Warning is { Length: > 0 } warning) w.WriteLine(warning);
        return w.ToString();
    }

    internal static string Render(IServiceProvider sp)
    {
        var store = sp.GetRequiredService<HolidayCalendarFile>();
        var calendar = sp.GetRequiredService<ReportingCalendar>();
        var working = calendar.WorkingDays;
        var w = new StringWriter();
        w.WriteLine($"节假日和调休数据：{store.DataFile}");
        w.WriteLine("随程序发布的文件里有、而这里没有的年份会自动补入；这里已有的年份不会被覆盖。新的一年用 calendar add 导入。");
        if (working.Years.Count == 0) w.WriteLine("（还没有任何年份：现在只按周一至周五计算工作日。）");
        else
        {
            var table = new ConsoleTable("年份", "放假", "调休上班", "来源");
            foreach (var y in working.Years) table.Add(y.Year, $"{y.Holidays.Count()} 天", $"{y.Workdays.Count} 天", y.Source);
            w.Write(table);
            foreach (var y in working.Years) Describe(w, y);
        }
        var coverage = working.Coverage(calendar.Today);
        if (coverage.CoveredThrough is { } last) w.WriteLine($"已覆盖至 {ReportingCalendar.Chinese(last)}。");
        if (coverage.Warning.Length > 0) w.WriteLine(coverage.Warning);
        return w.ToString();
    }

    private static void Describe(StringWriter w, HolidayYear y)
    {
        w.WriteLine($"{y.Year} 年");
        w.WriteLine($"  放假：{string.Join("；", y.Festivals.Select(f => f.Name.Length > 0 ? $"{f.Name} {f.Describe()}" : f.Describe()))}");
        w.WriteLine($"  调休上班：{(y.Workdays.Count == 0 ? "无" : string.Join("、", y.Workdays.Select(d => $"{d.Month}月{d.Day}日（周{"日一二三四五六"[(int)d.DayOfWeek]}）")))}");
    }

    private static string Counts(HolidayYear y) => $"放假 {y.Holidays.Count()} 天、调休上班 {y.Workdays.Count} 天";
}
