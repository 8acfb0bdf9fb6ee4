using System.Text;
using ReportWorker.Calendar;
using ReportWorker.Spreadsheets;
using ReportWorker.Storage;

namespace ReportWorker.Tests.Calendar;

/// <summary>Holiday files as an office types them from the State Council's notice.</summary>
public static class HolidayFiles
{
    /// <summary>
    /// A 2027 arrangement. NOT the official one (no 2027 notice was available when this was written): the festival
    /// dates are the real 2027 ones (春节 6 February, 端午 9 June, 中秋 15 September), the breaks and 调休 days are
    /// made up in the style of 2025 and 2026. 5 February 2027 (除夕) is a day off in it.
    /// </summary>
    public static readonly string[][] Plausible2027 =
    [
        ["2027-01-01至2027-01-03", "放假", "元旦"],
        ["2027-02-05至2027-02-13", "放假", "春节"],
        ["2027-01-31、2027-02-20", "调休上班", "春节"],
        ["2027-04-03至2027-04-05", "放假", "清明节"],
        ["2027-05-01至2027-05-05", "放假", "劳动节"],
        ["2027-04-25", "调休上班", "劳动节"],
        ["2027-05-08", "调休上班", "劳动节"],
        ["2027-06-09", "放假", "端午节"],
        ["2027-09-15", "放假", "中秋节"],
        ["2027-10-01至2027-10-07", "放假", "国庆节"],
        ["2027-09-26", "调休上班", "国庆节"],
        ["2027-10-09", "调休上班", "国庆节"],
    ];

    public static string Csv(string folder, string name, IEnumerable<string[]> rows, string header = "日期,类型,名称")
    {
        var path = Path.Combine(folder, name);
        var text = new StringBuilder(header).Append('\n');
        foreach (var row in rows) text.AppendJoin(',', row.Select(c => c.Contains(',') || c.Contains('、') ? $"\"{c}\"" : c)).Append('\n');
        File.WriteAllText(path, text.ToString(), new UTF8Encoding(true));
        return path;
    }

    /// <summary>An .xlsx with one row per day and real Excel date cells, as someone typing day by day would make it.</summary>
    public static string Xlsx(string folder, string name, IEnumerable<(DateOnly Day, string Kind, string Name)> rows)
    {
        var path = Path.Combine(folder, name);
        AtomicFile.Write(path, s => SimpleXlsxWriter.Write(s, "放假安排", ["序号", "日期", "类型", "名称", "备注"],
            rows.Select((r, i) => (IReadOnlyList<object?>)[i + 1, r.Day, r.Kind, r.Name, null])));
        return path;
    }

    /// <summary>A shipped year typed back as a file: one row per break (a range) and per 调休 day.</summary>
    public static IEnumerable<string[]> Rows(HolidayYear year)
    {
        foreach (var festival in year.Festivals)
            foreach (var (first, last) in Runs(festival.Days))
                yield return [first == last ? $"{first:yyyy-MM-dd}" : $"{first:yyyy-MM-dd}至{last:yyyy-MM-dd}", "放假", festival.Name];
        foreach (var day in year.Workdays) yield return [$"{day:yyyy-MM-dd}", "调休上班", ""];
    }

    private static IEnumerable<(DateOnly, DateOnly)> Runs(IEnumerable<DateOnly> days)
    {
        var list = days.Order().ToList();
        for (var i = 0; i < list.Count;)
        {
            var j = i;
            while (j + 1 < list.Count && list[j + 1] == list[j].AddDays(1)) j++;
            yield return (list[i], list[j]);
            i = j + 1;
        }
    }

    public static IEnumerable<(DateOnly Day, string Kind, string Name)> Days(IEnumerable<string[]> rows)
    {
        foreach (var row in rows)
            foreach (var part in row[0].Split('、'))
            {
                var ends = part.Split('至');
                var first = DateOnly.Parse(ends[0], System.Globalization.CultureInfo.InvariantCulture);
                var last = DateOnly.Parse(ends[^1], System.Globalization.CultureInfo.InvariantCulture);
                for (var d = first; d <= last; d = d.AddDays(1)) yield return (d, row[1], row[2]);
            }
    }
}
