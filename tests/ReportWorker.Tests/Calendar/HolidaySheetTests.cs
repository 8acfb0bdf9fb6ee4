using ReportWorker.Calendar;
using ReportWorker.Registry;

namespace ReportWorker.Tests.Calendar;

/// <summary>calendar add's reading of a holiday file: what it accepts, and every problem it names before anything is written.</summary>
public sealed class HolidaySheetTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("rw-holidays-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static readonly WorkingCalendar Shipped = WorkingCalendar.Load(Path.Combine(AppContext.BaseDirectory, "templates", "calendar", "holidays.json"));

    private IReadOnlyList<string> Problems(IEnumerable<string[]> rows, int? year = null)
    {
        var path = HolidayFiles.Csv(_folder, "holidays.csv", rows);
        var ex = Assert.Throws<RegistryImportException>(() => HolidaySheet.Read(path, year, "test"));
        return [.. ex.Errors.Select(e => e.ToString())];
    }

    private static string[][] With(params string[][] changed) => [.. HolidayFiles.Plausible2027, .. changed];

    [Theory]
    [InlineData(2025)]
    [InlineData(2026)]
    public void The_shipped_years_typed_in_as_files_pass_and_read_back_the_same_days(int year)
    {
        var shipped = Shipped.Years.Single(y => y.Year == year);
        var path = HolidayFiles.Csv(_folder, $"{year}.csv", HolidayFiles.Rows(shipped));

        var read = HolidaySheet.Read(path, null, "test");

        Assert.Equal(year, read.Year);
        Assert.Equal(shipped.Holidays.Order(), read.Holidays.Order());
        Assert.Equal(shipped.Workdays.Order(), read.Workdays.Order());
        Assert.Equal(shipped.Festivals.Select(f => f.Name), read.Festivals.Select(f => f.Name));
    }

    [Fact]
    public void A_day_by_day_xlsx_with_excel_dates_and_other_headers_reads_like_the_csv()
    {
        var days = HolidayFiles.Days(HolidayFiles.Plausible2027).Select(d => d with { Kind = d.Kind == "放假" ? "休息" : "补班" }).ToArray();
        var xlsx = HolidayFiles.Xlsx(_folder, "2027.xlsx", days);
        var csv = HolidayFiles.Csv(_folder, "2027.csv", HolidayFiles.Plausible2027);

        var fromXlsx = HolidaySheet.Read(xlsx, null, "test");
        var fromCsv = HolidaySheet.Read(csv, null, "test");

        Assert.Equal(29, fromXlsx.Holidays.Count());
        Assert.Equal(fromCsv.Holidays, fromXlsx.Holidays);
        Assert.Equal(fromCsv.Workdays, fromXlsx.Workdays);
        Assert.Equal(["元旦", "春节", "清明节", "劳动节", "端午节", "中秋节", "国庆节"], fromXlsx.Festivals.Select(f => f.Name));
    }

    [Fact]
    public void Names_and_dates_as_the_notice_writes_them_are_understood()
    {
        string[][] rows =
        [
            ["2025年1月1日（周三）", "放假", "元旦"],
            ["2025年1月28日（农历除夕、周二）至2月4日（农历正月初七、周二）", "放假调休", "春节"],
            ["2025/1/26", "上班", "春节"],
            ["2025.2.8", "调休上班", ""],
            ["2025-04-04至06日", "放假", "清明"],
            ["2025-05-01至2025-05-05", "放假", "五一"],
            ["2025-04-27", "补班", "五一"],
            ["2025-05-31至2025-06-02", "放假", "端午"],
            ["2025-10-01至2025-10-08", "放假", "国庆、中秋"],
            ["2025-09-28、2025-10-11", "调休上班", "国庆"],
        ];

        var read = HolidaySheet.Read(HolidayFiles.Csv(_folder, "2025.csv", rows), null, "test");

        var shipped = Shipped.Years.Single(y => y.Year == 2025);
        Assert.Equal(shipped.Holidays.Order(), read.Holidays.Order());
        Assert.Equal(shipped.Workdays, read.Workdays);
        Assert.Contains(read.Festivals, f => f.Name == "中秋节、国庆节");
    }

    [Fact]
    public void A_date_that_does_not_parse_is_named_with_its_row_and_column()
    {
        var problems = Problems(With(["2027-02-30", "放假", "春节"], ["明年元宵", "放假", "春节"]));

        Assert.Contains(problems, p => p.StartsWith("holidays.csv 第14行 日期（A列）：“2027-02-30”不是实际存在的日期"));
        Assert.Contains(problems, p => p.StartsWith("holidays.csv 第15行 日期（A列）：“明年元宵”不是日期。请写成 2027-02-05 这样的格式"));
    }

    [Fact]
    public void A_make_up_working_day_that_is_not_a_weekend_is_refused()
    {
        var problems = Problems(With(["2027-02-16", "调休上班", "春节"]));

        Assert.Equal(["holidays.csv 第14行 日期（A列）：2027-02-16 是星期二，不是周末。调休上班只会是周六或周日（平日本来就上班，不必列出）；请核对通知，这一天也许是放假。"], problems);
    }

    [Fact]
    public void A_day_off_listed_twice_or_also_as_a_working_day_is_refused()
    {
        var problems = Problems(With(["2027-02-08", "放假", "春节"], ["2027-10-02", "调休上班", "国庆节"]));

        Assert.Equal(2, problems.Count);
        Assert.Contains("第14行 日期（A列）：放假日期 2027-02-08 在第3行已经列过，重复了", problems[0]);
        Assert.Contains("第15行 日期（A列）：2027-10-02 在第11行列为放假，这里又列为调休上班。同一天不能既放假又上班", problems[1]);
    }

    [Fact]
    public void Dates_from_two_years_need_the_year_named_and_then_pass()
    {
        var rows = HolidayFiles.Plausible2027.Skip(1).Prepend(["2026-12-31至2027-01-02", "放假", "元旦"]).ToArray();

        var problems = Problems(rows);
        var read = HolidaySheet.Read(HolidayFiles.Csv(_folder, "with-year.csv", rows), 2027, "test");

        Assert.Equal(["holidays.csv：文件中的日期分属 2026、2027 年。一次只导入一年：如果这是某一年的安排（例如元旦从上一年 12 月 31 日放起），请加 --year 指明是哪一年，例如 --year 2027；否则请分成几个文件。"], problems);
        Assert.Equal(2027, read.Year);
        Assert.Contains(new DateOnly(2026, 12, 31), read.Holidays);
    }

    [Fact]
    public void A_date_far_from_the_named_year_is_refused()
    {
        var problems = Problems(With(["2026-06-01", "放假", "儿童节"]), year: 2027);

        Assert.Equal(["holidays.csv 第14行 日期（A列）：2026-06-01 不在 2027 年，也不在相邻的年底年初。请核对年份，或分年导入。"], problems);
    }

    [Fact]
    public void A_year_without_all_seven_statutory_holidays_is_refused_naming_the_missing_ones()
    {
        var rows = HolidayFiles.Plausible2027.Where(r => r[2] is not ("端午节" or "中秋节")).ToArray();

        var problems = Problems(rows);

        Assert.Equal(["holidays.csv：2027 年的安排不完整：缺少端午节、中秋节。一年应有七个法定节假日（元旦、春节、清明节、劳动节、端午节、中秋节、国庆节），每个都要有放假的日期，并在“名称”列写明节日（中秋节和国庆节连休时写“中秋节、国庆节”）。请对照国务院办公厅的通知补全。"], problems);
    }

    [Fact]
    public void An_unclear_kind_and_a_day_off_without_a_name_are_refused()
    {
        var problems = Problems(With(["2027-05-09", "调休", "劳动节"], ["2027-06-10", "放假", ""]));

        Assert.Equal(2, problems.Count);
        Assert.Equal("holidays.csv 第14行 类型（B列）：“调休”不明确：放假的日子写“放假”，调休上班的周末写“调休上班”。", problems[0]);
        Assert.StartsWith("holidays.csv 第15行 名称（C列）：放假的日期要写明是哪个节日", problems[1]);
    }

    [Fact]
    public void A_file_without_the_columns_says_which_are_expected()
    {
        var path = HolidayFiles.Csv(_folder, "wrong.csv", [["2027-01-01", "放假", "元旦"]], header: "日期,类型,备注");

        var ex = Assert.Throws<RegistryImportException>(() => HolidaySheet.Read(path, null, "test"));

        Assert.Equal("wrong.csv 第1行 表头：缺少必需的列：名称。", Assert.Single(ex.Errors).ToString());
    }
}
