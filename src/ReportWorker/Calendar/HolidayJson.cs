using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace ReportWorker.Calendar;

/// <summary>
/// The holidays.json format, shipped in templates/calendar and kept in the data folder:
/// <c>{"years": {"2026": {"holidays": {"春节": ["2026-02-15", …]}, "workdays": ["2026-02-14", …], "source": "…"}}}</c>.
/// <c>holidays</c> may also be a plain list of dates (no festival names), as a hand-written file might have it.
/// Written one festival to a line, so that an operator can still correct it in a text editor.
/// </summary>
public static class HolidayJson
{
    public const string Comment = "国务院办公厅发布的放假安排。holidays: 各节日放假的日期（含周末）；workdays: 调休上班的周末。新的一年请用 ReportWorker calendar add 导入，也可直接编辑本文件。";

    private static readonly JsonSerializerOptions Strings = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static IReadOnlyList<HolidayYear> Read(string path, string source)
    {
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            if (!doc.RootElement.TryGetProperty("years", out var years) || years.ValueKind != JsonValueKind.Object)
                throw new CalendarFileException(path, "没有 \"years\" 部分。");
            return years.EnumerateObject().Select(y => ReadYear(path, y, source)).OrderBy(y => y.Year).ToArray();
        }
        catch (JsonException ex)
        {
            throw new CalendarFileException(path, $"不是有效的 JSON（第{ex.LineNumber + 1}行附近）：{ex.Message}");
        }
    }

    private static HolidayYear ReadYear(string path, JsonProperty year, string source)
    {
        if (!int.TryParse(year.Name, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number is < 2000 or > 2100)
            throw new CalendarFileException(path, $"“{year.Name}”不是年份。");
        DateOnly Date(JsonElement e) =>
            e.ValueKind == JsonValueKind.String && DateOnly.TryParseExact(e.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
                ? d : throw new CalendarFileException(path, $"{year.Name} 年中的 {e.GetRawText()} 不是 YYYY-MM-DD 格式的日期。");
        DateOnly[] Dates(JsonElement e) => e.ValueKind == JsonValueKind.Array
            ? [.. e.EnumerateArray().Select(Date)]
            : throw new CalendarFileException(path, $"{year.Name} 年中应为日期列表，却是 {e.GetRawText()}。");

        var festivals = new List<Festival>();
        if (year.Value.TryGetProperty("holidays", out var h))
        {
            if (h.ValueKind == JsonValueKind.Object) festivals.AddRange(h.EnumerateObject().Select(f => new Festival(f.Name, Dates(f.Value))));
            else festivals.Add(new Festival("", Dates(h)));
        }
        var workdays = year.Value.TryGetProperty("workdays", out var w) ? Dates(w) : [];
        var from = year.Value.TryGetProperty("source", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString()! : source;
        return new HolidayYear(number, festivals, workdays, from);
    }

    public static byte[] Write(IEnumerable<HolidayYear> years)
    {
        var w = new StringBuilder();
        w.Append("{\n  \"_comment\": ").Append(Quote(Comment)).Append(",\n  \"years\": {");
        var firstYear = true;
        foreach (var year in years.OrderBy(y => y.Year))
        {
            w.Append(firstYear ? "\n" : ",\n");
            firstYear = false;
            w.Append("    \"").Append(year.Year.ToString(CultureInfo.InvariantCulture)).Append("\": {\n");
            w.Append("      \"source\": ").Append(Quote(year.Source)).Append(",\n");
            if (year.Festivals.All(f => f.Name.Length > 0))
            {
                w.Append("      \"holidays\": {");
                w.AppendJoin(",", year.Festivals.Select(f => $"\n        {Quote(f.Name)}: {List(f.Days)}"));
                w.Append("\n      },\n");
            }
            else w.Append("      \"holidays\": ").Append(List(year.Holidays)).Append(",\n");
            w.Append("      \"workdays\": ").Append(List(year.Workdays)).Append("\n    }");
        }
        w.Append("\n  }\n}\n");
        return new UTF8Encoding(false).GetBytes(w.ToString());
    }

    private static string Quote(string text) => JsonSerializer.Serialize(text, Strings);

    private static string List(IEnumerable<DateOnly> days) =>
        "[" + string.Join(", ", days.Order().Select(d => $"\"{d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}\"")) + "]";
}

/// <summary>The holiday file in the data folder cannot be read; the message names the file and what is wrong, in Chinese.</summary>
public sealed class CalendarFileException(string path, string problem)
    : Exception($"节假日文件 {path} 有误：{problem}请改正它；如果删除它，系统会按随程序发布的文件重建（您改过的年份需要重新导入）。")
{
    public string Path { get; } = path;
}
