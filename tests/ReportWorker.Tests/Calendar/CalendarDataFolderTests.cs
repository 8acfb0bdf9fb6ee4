using ReportWorker.Calendar;
using ReportWorker.Storage;
using ReportWorker.Tests.Support;

namespace ReportWorker.Tests.Calendar;

/// <summary>The calendar lives in the data folder: seeded from the shipped file, never overwritten by a new release.</summary>
public sealed class CalendarDataFolderTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("rw-calendar-").FullName;
    private string Data => Path.Combine(_root, "data");
    private string Templates => Path.Combine(_root, "templates");
    private string DataFile => Path.Combine(Data, "calendar", "holidays.json");
    private string ShippedFile => Path.Combine(Templates, "calendar", "holidays.json");

    public CalendarDataFolderTests() =>
        // The release's templates, as the operator's Data:Templates folder (a new publish replaces it).
        TestFiles.CopyDirectory(Path.Combine(AppContext.BaseDirectory, "templates"), Templates);

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_root, recursive: true);
    }

    private TestWorld World() => new(new Dictionary<string, string?> { ["Data:Root"] = Data, ["Data:Templates"] = Templates });

    private static DateOnly D(int y, int m, int d) => new(y, m, d);

    [Fact]
    public void The_first_use_copies_the_shipped_years_into_the_data_folder()
    {
        using var world = World();

        var calendar = world.Get<ReportingCalendar>().WorkingDays;

        Assert.True(File.Exists(DataFile));
        Assert.Equal(DataFile, world.Get<HolidayCalendarFile>().DataFile);
        Assert.Equal([2025, 2026], calendar.Years.Select(y => y.Year));
        Assert.True(calendar.IsWorkingDay(D(2026, 2, 14)));  // a Saturday worked for 春节
        Assert.False(calendar.IsWorkingDay(D(2026, 2, 16))); // 春节
        Assert.Equal([2025, 2026], new WorkingCalendar(HolidayJson.Read(DataFile, "")).Years.Select(y => y.Year));
    }

    [Fact]
    public void An_edited_year_survives_a_new_release_and_a_year_the_release_adds_is_added()
    {
        using (var first = World()) _ = first.Get<ReportingCalendar>().WorkingDays;
        // The office corrects 2026 by hand: 31 December made a day off.
        File.WriteAllText(DataFile, File.ReadAllText(DataFile).Replace("\"2026-10-07\"]", "\"2026-10-07\"],\n        \"调整\": [\"2026-12-31\"]"));
        // A new release ships 2027, and its 2026 differs from the office's.
        var shipped = HolidayJson.Read(ShippedFile, HolidayCalendarFile.Shipped).ToList();
        var y2027 = new HolidayYear(2027, [new Festival("元旦", [D(2027, 1, 1)])], [D(2027, 2, 20)], HolidayCalendarFile.Shipped);
        File.WriteAllBytes(ShippedFile, HolidayJson.Write([.. shipped, y2027]));

        using var world = World();
        var calendar = world.Get<ReportingCalendar>().WorkingDays;

        Assert.Equal([2025, 2026, 2027], calendar.Years.Select(y => y.Year));
        Assert.False(calendar.IsWorkingDay(D(2026, 12, 31)));
        Assert.Contains(calendar.Years.Single(y => y.Year == 2026).Festivals, f => f.Name == "调整");
        Assert.True(calendar.IsWorkingDay(D(2027, 2, 20)));
        Assert.Equal([2025, 2026, 2027], HolidayJson.Read(DataFile, "").Select(y => y.Year));
        Assert.Contains("\"调整\": [\"2026-12-31\"]", File.ReadAllText(DataFile));
    }

    [Fact]
    public void A_running_worker_reads_the_file_again_when_it_changes()
    {
        using var world = World();
        var calendar = world.Get<ReportingCalendar>();
        Assert.True(calendar.WorkingDays.IsWorkingDay(D(2026, 12, 31)));

        // As calendar add in another process writes it: a new file renamed into place.
        var years = HolidayJson.Read(DataFile, "").Append(new HolidayYear(2027, [new Festival("元旦", [D(2026, 12, 31), D(2027, 1, 1)])], [], "test"));
        AtomicFile.Write(DataFile, HolidayJson.Write(years));

        Assert.False(calendar.WorkingDays.IsWorkingDay(D(2026, 12, 31)));
        Assert.True(calendar.WorkingDays.Covers(D(2027, 6, 1)));
    }

    [Fact]
    public void A_broken_data_file_is_named_rather_than_ignored()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(DataFile)!);
        File.WriteAllText(DataFile, "{ \"years\": { \"2026\": { \"holidays\": [\"2026-02-30\"] } } }");
        using var world = World();

        var ex = Assert.Throws<CalendarFileException>(() => world.Get<ReportingCalendar>().WorkingDays);

        Assert.Contains(DataFile, ex.Message);
        Assert.Contains("\"2026-02-30\" 不是 YYYY-MM-DD 格式的日期", ex.Message);
    }
}
