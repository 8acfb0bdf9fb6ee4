using ReportWorker.Registry;
using ReportWorker.Spreadsheets;

namespace ReportWorker.Calendar;

/// <summary>
/// Reads one year's holiday arrangement from an .xlsx or .csv the office types from the State Council's
/// notice: 日期, 类型 (放假 / 调休上班), 名称 (元旦, 春节 …). Every row is checked before anything is kept;
/// all problems are reported together (file, row, column, what to do), and nothing is written if there is one.
/// </summary>
public static class HolidaySheet
{
    internal static readonly ColumnSpec[] Columns =
    [
        new("date", "日期", true, "日期", "放假日期", "调休日期", "上班日期", "时间", "date"),
        new("kind", "类型", true, "类型", "放假或上班", "放假上班", "安排", "性质", "类别", "状态", "type"),
        new("name", "名称", true, "名称", "节日", "节日名称", "节假日", "节假日名称", "假日", "假日名称", "name"),
    ];

    private sealed record Entry(DateOnly Day, bool IsHoliday, string Name, int Row);

    /// <summary>The year in the file; <paramref name="year"/> names it when the file has dates from more than one year (元旦 from 31 December).</summary>
    public static HolidayYear Read(string path, int? year, string source)
    {
        var file = Path.GetFileName(path);
        var (sheet, map) = RegistrySheet.Open(path, file, Columns, "节假日安排");
        var errors = new List<ImportError>();
        var entries = new List<Entry>();
        var named = new List<string>();
        foreach (var row in sheet.Rows.Where(r => r.Number > map.HeaderRow && !r.IsBlank))
        {
            void Error(string key, string problem) => errors.Add(new(file, row.Number, map.Describe(Columns.First(c => c.Key == key)), problem));
            var kindText = map.Text(row, "kind");
            var name = FestivalNames.Canonical(map.Text(row, "name"));
            var kind = Kind(kindText);
            if (kind is null) Error("kind", KindProblem(kindText));
            if (kind is true) named.Add(name);
            if (kind is true && name.Length == 0) Error("name", "放假的日期要写明是哪个节日（元旦、春节、清明节、劳动节、端午节、中秋节、国庆节）。");
            if (!HolidayDates.TryParse(map.Cell(row, "date"), year, out var days, out var problem)) { Error("date", problem); continue; }
            if (kind is { } isHoliday) entries.AddRange(days.Select(d => new Entry(d, isHoliday, name, row.Number)));
        }

        var dateColumn = map.Describe(Columns[0]);
        var target = Year(file, entries, year, errors);
        foreach (var e in entries.Where(e => target is { } y && Outside(e.Day, y)))
            errors.Add(new(file, e.Row, dateColumn, $"{e.Day:yyyy-MM-dd} 不在 {target} 年，也不在相邻的年底年初。请核对年份，或分年导入。"));
        CheckEachDayOnce(file, dateColumn, entries, errors);
        foreach (var e in entries.Where(e => !e.IsHoliday && e.Day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)))
            errors.Add(new(file, e.Row, dateColumn, $"{e.Day:yyyy-MM-dd} 是{Weekday(e.Day)}，不是周末。调休上班只会是周六或周日（平日本来就上班，不必列出）；请核对通知，这一天也许是放假。"));
        // Names count from every 放假 row, even one whose date is wrong: that row is reported on its own.
        var missing = FestivalNames.Statutory.Except(named.SelectMany(FestivalNames.Of)).ToArray();
        if (named.Count + entries.Count > 0 && missing.Length > 0)
            errors.Add(new(file, 0, "", $"{(target is { } t ? $"{t} 年的" : "")}安排不完整：缺少{string.Join("、", missing)}。一年应有七个法定节假日（{string.Join("、", FestivalNames.Statutory)}），每个都要有放假的日期，并在“名称”列写明节日"
                    + "（中秋节和国庆节连休时写“中秋节、国庆节”）。请对照国务院办公厅的通知补全。"));
        if (errors.Count > 0) throw new RegistryImportException([.. errors.OrderBy(e => e.Row)]);

        var festivals = entries.Where(e => e.IsHoliday).GroupBy(e => e.Name)
            .Select(g => new Festival(g.Key, [.. g.Select(e => e.Day).Order()])).OrderBy(f => f.Days[0]).ToArray();
        return new HolidayYear(target!.Value, festivals, [.. entries.Where(e => !e.IsHoliday).Select(e => e.Day).Order()], source);
    }

    private static int? Year(string file, List<Entry> entries, int? year, List<ImportError> errors)
    {
        if (year is { } given)
        {
            if (entries.Count > 0 && entries.All(e => e.Day.Year != given))
                errors.Add(new(file, 0, "", $"文件中没有 {given} 年的日期（命令指定了 --year {given}）。请核对文件或年份。"));
            return given;
        }
        var years = entries.Select(e => e.Day.Year).Distinct().Order().ToArray();
        if (years.Length == 0 && errors.Count == 0) errors.Add(new(file, 0, "", "文件中没有任何日期。请按“日期、类型、名称”三列，每个放假日期或调休上班日一行（或一段日期一行）填写。"));
        if (years.Length > 1)
            errors.Add(new(file, 0, "", $"文件中的日期分属 {string.Join("、", years)} 年。一次只导入一年：如果这是某一年的安排（例如元旦从上一年 12 月 31 日放起），请加 --year 指明是哪一年，例如 --year {years[^1]}；否则请分成几个文件。"));
        return years.Length == 1 ? years[0] : null;
    }

    // Dates of a year's arrangement may spill into the neighbouring December or January (元旦 2024 began on 30 December 2023).
    private static bool Outside(DateOnly day, int year) =>
        day.Year != year && !(day.Year == year - 1 && day.Month == 12) && !(day.Year == year + 1 && day.Month == 1);

    private static void CheckEachDayOnce(string file, string dateColumn, List<Entry> entries, List<ImportError> errors)
    {
        var first = new Dictionary<DateOnly, Entry>();
        foreach (var e in entries)
        {
            if (first.TryAdd(e.Day, e)) continue;
            var f = first[e.Day];
            var problem = (f.IsHoliday, e.IsHoliday) switch
            {
                (true, true) => $"放假日期 {e.Day:yyyy-MM-dd} 在第{f.Row}行已经列过，重复了。请删去一处。",
                (false, false) => $"调休上班日 {e.Day:yyyy-MM-dd} 在第{f.Row}行已经列过，重复了。请删去一处。",
                (true, false) => $"{e.Day:yyyy-MM-dd} 在第{f.Row}行列为放假，这里又列为调休上班。同一天不能既放假又上班，请对照通知改正一处。",
                (false, true) => $"{e.Day:yyyy-MM-dd} 在第{f.Row}行列为调休上班，这里又列为放假。同一天不能既放假又上班，请对照通知改正一处。",
            };
            errors.Add(new(file, e.Row, dateColumn, problem));
        }
    }

    /// <summary>true: a day off; false: a make-up working day; null: not clear which.</summary>
    internal static bool? Kind(string text)
    {
        var t = Text.TextNormalizer.Narrow(text).ToLowerInvariant();
        if (t.Length == 0) return null;
        if (t.Contains("上班") || t.Contains("补班") || t.Contains("工作") || t is "班" or "work" or "workday") return false;
        if (t.Contains("放假") || t.Contains("休息") || t.Contains("休假") || t.Contains("假日") || t is "休" or "假" or "holiday" or "off") return true;
        return null;
    }

    private static string KindProblem(string text) =>
        Text.TextNormalizer.Clean(text) switch
        {
            "" => "类型为空。放假的日子写“放假”，调休上班的周末写“调休上班”。",
            "调休" => "“调休”不明确：放假的日子写“放假”，调休上班的周末写“调休上班”。",
            var t => $"不认识的类型“{t}”。放假的日子写“放假”，调休上班的周末写“调休上班”。",
        };

    private static string Weekday(DateOnly day) => "星期" + "日一二三四五六"[(int)day.DayOfWeek];
}
