using ReportWorker.Registry;
using ReportWorker.Spreadsheets;

namespace ReportWorker.Tests.Registry;

public sealed class DeadlineParserTests
{
    [Theory]
    [InlineData("2025-06-30", "2025-06-30")]
    [InlineData("2025/6/30", "2025-06-30")]
    [InlineData("2025.6.30", "2025-06-30")]
    [InlineData("2025年6月30日", "2025-06-30")]
    [InlineData("2025年6月30日前", "2025-06-30")]
    [InlineData("２０２５年６月３０日", "2025-06-30")]
    [InlineData("2025年6月底", "2025-06-30")]
    [InlineData("2025年2月底", "2025-02-28")]
    [InlineData("2024年2月底", "2024-02-29")]
    [InlineData("2025年11月", "2025-11-30")]
    [InlineData("6月底", "2025-06-30")]
    [InlineData("6月30日", "2025-06-30")]
    [InlineData("12月底前", "2025-12-31")]
    [InlineData("上半年", "2025-06-30")]
    [InlineData("年中", "2025-06-30")]
    [InlineData("下半年", "2025-12-31")]
    [InlineData("一季度", "2025-03-31")]
    [InlineData("第二季度", "2025-06-30")]
    [InlineData("三季度", "2025-09-30")]
    [InlineData("三季度末", "2025-09-30")]
    [InlineData("4季度", "2025-12-31")]
    [InlineData("年底", "2025-12-31")]
    [InlineData("年内", "2025-12-31")]
    [InlineData("2025年底", "2025-12-31")]
    [InlineData("2026年上半年", "2026-06-30")]
    [InlineData(" 2025-06-30 ", "2025-06-30")]
    [InlineData("2025-06-30 00:00:00", "2025-06-30")]
    public void Parses_a_written_deadline_to_its_last_day(string text, string expected)
    {
        var ok = DeadlineParser.TryParse(new CellValue(text), 2025, out var deadline);

        Assert.True(ok, text);
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), deadline);
    }

    [Theory]
    [InlineData("6月底", 2026, "2026-06-30")]
    [InlineData("三季度", 2024, "2024-09-30")]
    [InlineData("年底", 2030, "2030-12-31")]
    [InlineData("2025年6月底", 2030, "2025-06-30")]
    public void Uses_the_default_year_only_when_the_text_has_none(string text, int defaultYear, string expected)
    {
        Assert.True(DeadlineParser.TryParse(new CellValue(text), defaultYear, out var deadline));
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), deadline);
    }

    [Theory]
    [InlineData("长期坚持")]
    [InlineData("常态化")]
    [InlineData("持续推进")]
    [InlineData("常态化开展")]
    [InlineData(" 长期坚持 ")]
    public void Reads_standing_tasks_as_parsed_with_no_date(string text)
    {
        var ok = DeadlineParser.TryParse(new CellValue(text), 2025, out var deadline);

        Assert.True(ok);
        Assert.Null(deadline);
    }

    [Theory]
    [InlineData(45838, "2025-06-30")]
    [InlineData(45657, "2024-12-31")]
    [InlineData(45747.5, "2025-03-31")]
    public void Reads_an_excel_date_cell_from_its_serial_number(double serial, string expected)
    {
        var cell = new CellValue("whatever the file displayed", serial, IsDate: true);

        Assert.True(DeadlineParser.TryParse(cell, 2025, out var deadline));
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), deadline);
    }

    [Theory]
    [InlineData("尽快")]
    [InlineData("按要求")]
    [InlineData("2025-13-01")]
    [InlineData("2025-02-30")]
    [InlineData("2025年13月底")]
    [InlineData("13月底")]
    [InlineData("五季度")]
    [InlineData("12345")]
    [InlineData("N/A")]
    [InlineData("")]
    [InlineData("   ")]
    public void Refuses_garbage(string text)
    {
        var ok = DeadlineParser.TryParse(new CellValue(text), 2025, out var deadline);

        Assert.False(ok, text);
        Assert.Null(deadline);
    }

    [Fact]
    public void Refuses_a_missing_cell()
    {
        Assert.False(DeadlineParser.TryParse(null, 2025, out var deadline));
        Assert.Null(deadline);
    }

    [Fact]
    public void A_number_that_is_not_formatted_as_a_date_is_not_read_as_a_serial()
    {
        // 45838 typed into a General cell is a number, not a date; only IsDate cells are serials.
        var ok = DeadlineParser.TryParse(new CellValue("45838", 45838), 2025, out _);

        Assert.False(ok);
    }

    [Fact]
    public void Reads_a_date_with_a_time_as_csv_exports_write_it()
    {
        Assert.True(DeadlineParser.TryParse(new CellValue("2025/6/3 0:00"), 2025, out var deadline));
        Assert.Equal(new DateOnly(2025, 6, 3), deadline);
    }
}
