using ReportWorker.Tests.Support;

namespace ReportWorker.Tests.Calendar;

/// <summary>calendar add through the real executable: a bad file writes nothing, a year already there needs --replace.</summary>
public sealed class CalendarCommandTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("rw-calcmd-").FullName;
    private string DataFile => Path.Combine(_root, "data", "calendar", "holidays.json");
    private Dictionary<string, string> Env => new()
    {
        ["Data__Root"] = Path.Combine(_root, "data"),
        ["Clock__SimulatedStart"] = "2026-12-02T09:00:00+08:00",
    };

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_root, recursive: true);
    }

    [Fact]
    public void A_bad_file_is_reported_line_by_line_and_nothing_is_written()
    {
        Assert.Equal(0, WorkerProcess.Run(_root, Env, "calendar").ExitCode);
        var before = File.ReadAllBytes(DataFile);
        var file = HolidayFiles.Csv(_root, "2027.csv", [.. HolidayFiles.Plausible2027.Where(r => r[2] != "端午节"), ["2027-02-30", "放假", "春节"], ["2027-03-03", "调休上班", ""]]);

        var (exit, _, error) = WorkerProcess.Run(_root, Env, "calendar", "add", file);

        Assert.Equal(1, exit);
        var lines = error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("错误：导入失败，共 3 处问题，未写入任何数据。", lines[0]);
        Assert.Contains("  - 2027.csv：2027 年的安排不完整：缺少端午节。", lines[1]);
        Assert.StartsWith("  - 2027.csv 第13行 日期（A列）：“2027-02-30”不是实际存在的日期。", lines[2]);
        Assert.StartsWith("  - 2027.csv 第14行 日期（A列）：2027-03-03 是星期三，不是周末。", lines[3]);
        Assert.Equal(before, File.ReadAllBytes(DataFile));
    }

    [Fact]
    public void A_year_already_there_is_only_replaced_when_asked()
    {
        var file = HolidayFiles.Csv(_root, "2027.csv", HolidayFiles.Plausible2027);
        var first = WorkerProcess.Run(_root, Env, "calendar", "add", file);
        var again = WorkerProcess.Run(_root, Env, "calendar", "add", file);
        var replaced = WorkerProcess.Run(_root, Env, "calendar", "add", file, "--replace");

        Assert.True(first.ExitCode == 0, first.Error);
        Assert.Equal(1, again.ExitCode);
        Assert.Equal($"错误：2027 年已在 {DataFile} 中（放假 29 天、调休上班 6 天，来源：calendar add 2027.csv（2026-12-02）），未写入任何数据。要用 2027.csv 替换它，请加 --replace。", again.Error.Trim());
        Assert.True(replaced.ExitCode == 0, replaced.Error);
        Assert.StartsWith("已替换 2027 年的节假日安排", replaced.Output);
        Assert.Contains("  放假：元旦 1月1日—3日；春节 2月5日—13日；清明节 4月3日—5日；劳动节 5月1日—5日；端午节 6月9日；中秋节 9月15日；国庆节 10月1日—7日", replaced.Output);
    }
}
