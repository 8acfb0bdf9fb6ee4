using System.Globalization;
using System.Text;
using ReportWorker.Forms;
using ReportWorker.Ledger;
using ReportWorker.Registry;
using ReportWorker.Spreadsheets;
using ReportWorker.Storage;
using ReportWorker.Periods;

namespace ReportWorker.Samples;

/// <summary>
/// Writes the demo province to a folder: units.xlsx, tasks.xlsx, and three months of returned forms
/// with a manifest of when each arrived. Same seed, same province. <paramref name="unitCount"/> can be
/// raised for scale tests (units beyond the named 40 are numbered).
/// </summary>
public sealed class SampleGenerator(FormService forms, FormLayoutProvider layouts)
{
    public static readonly ReportMonth[] Months = [new(2025, 1), new(2025, 2), new(2025, 3)];
    public const string ManifestName = "manifest.csv";
    public const string NextYearTasksName = "tasks-2026.xlsx";

    public SampleSummary Generate(string folder, int seed = 20250101)
    {
        var random = new Random(seed);
        var units = SampleProvince.Units(random);
        var tasks = SampleTasks.Create(units, random);
        Directory.CreateDirectory(folder);
        WriteUnits(Path.Combine(folder, "units.xlsx"), units);
        WriteTasks(Path.Combine(folder, "tasks.xlsx"), tasks, units);

        var taskItems = tasks.Select(t => t.Task).ToArray();
        var simulation = new SampleReports(taskItems, random);
        var manifest = new StringBuilder("month,file,arrived_at,note\n");
        var formCount = 0;
        foreach (var month in Months)
        {
            var monthFolder = Path.Combine(folder, "forms", month.ToString());
            Directory.CreateDirectory(monthFolder);
            var missing = units[(month.Month * 7 + 3) % units.Count].Code;
            var late = Enumerable.Range(0, 4).Select(i => units[(month.Month * 11 + i * 9) % units.Count].Code).ToHashSet();
            foreach (var unit in units.Where(u => u.Code != missing))
            {
                var rows = taskItems.Where(t => t.Involves(unit.Code)).ToArray();
                if (rows.Length == 0) continue;
                var answers = rows.ToDictionary(t => t.Id, t => simulation.Entry(t, unit.Code, month.Month));
                var arrived = Arrival(month, late.Contains(unit.Code), random);
                var name = FileName(unit, month, random);
                var special = Special(unit, month, units);
                if (special == "rejected-then-fixed")
                {
                    var bad = answers.ToDictionary(kv => kv.Key, kv => kv.Value);
                    var first = rows[0].Id;
                    bad[first] = bad[first] with { Status = "基本完成" };
                    if (rows.Length > 1) bad[rows[1].Id] = bad[rows[1].Id] with { Status = ReportStatus.Completed, Percent = 120, Progress = "" };
                    Write(monthFolder, "退回前_" + name, unit, month, taskItems, bad);
                    manifest.Append(CultureInfo.InvariantCulture, $"{month},{month}/退回前_{name},{arrived.AddDays(-2):yyyy-MM-ddTHH:mm:sszzz},bad: status not in list; 已完成 without progress; percent 120\n");
                    formCount++;
                }
                if (special == "revised")
                {
                    Write(monthFolder, "初稿_" + name, unit, month, taskItems, answers.ToDictionary(kv => kv.Key, kv => kv.Value with { NextSteps = "" }));
                    manifest.Append(CultureInfo.InvariantCulture, $"{month},{month}/初稿_{name},{arrived.AddDays(-1):yyyy-MM-ddTHH:mm:sszzz},first version; superseded by the next\n");
                    formCount++;
                }
                Write(monthFolder, name, unit, month, taskItems, answers);
                manifest.Append(CultureInfo.InvariantCulture, $"{month},{month}/{name},{arrived:yyyy-MM-ddTHH:mm:sszzz},{(late.Contains(unit.Code) ? "late" : "")}\n");
                formCount++;
            }
        }
        // A file that is not a form at all, dropped by mistake.
        File.WriteAllText(Path.Combine(folder, "forms", Months[1].ToString(), "会议通知.pdf.xlsx"), "%PDF-1.4\n% not a spreadsheet\n");
        manifest.Append(CultureInfo.InvariantCulture, $"{Months[1]},{Months[1]}/会议通知.pdf.xlsx,2025-03-03T10:12:00+08:00,bad: a PDF renamed .xlsx\n");
        File.WriteAllText(Path.Combine(folder, ManifestName), manifest.ToString(), new UTF8Encoding(false));
        WriteNextYearTasks(Path.Combine(folder, NextYearTasksName), tasks, units);
        return new SampleSummary(units.Count, tasks.Count, formCount + 1);
    }

    private void Write(string folder, string name, Unit unit, ReportMonth month, IReadOnlyList<TaskItem> tasks, IReadOnlyDictionary<long, ReportEntry> answers)
    {
        var model = forms.Model(unit, month, tasks, answers);
        AtomicFile.Write(Path.Combine(folder, name), s => FormWriter.Write(s, model, layouts.Current));
    }

    private static string? Special(Unit unit, ReportMonth month, IReadOnlyList<Unit> units) =>
        unit.Code == units[5 + month.Month].Code && month.Month >= 2 ? "rejected-then-fixed"
        : unit.Code == units[20 + month.Month].Code && month.Month == 3 ? "revised"
        : null;

    private static DateTimeOffset Arrival(ReportMonth month, bool late, Random random)
    {
        var offset = TimeSpan.FromHours(8);
        var due = month switch { { Month: 1 } => new DateTime(2025, 2, 5), { Month: 2 } => new DateTime(2025, 3, 5), _ => new DateTime(2025, 4, 7) };
        var day = late ? due.AddDays(random.Next(1, 4)) : due.AddDays(-random.Next(0, 8));
        return new DateTimeOffset(day.AddHours(late ? random.Next(9, 18) : random.Next(8, 17)).AddMinutes(random.Next(60)), offset);
    }

    private static string FileName(Unit unit, ReportMonth month, Random random) => random.Next(4) switch
    {
        0 => $"{unit.ShortName}{month.Month}月报表.xlsx",
        1 => $"附件：{month.ToChinese()}党建任务月报（{unit.ShortName}）.xlsx",
        2 => FormService.FileName(unit, month),
        _ => $"{unit.ShortName} {month.Month}月 党建任务推进情况.xlsx",
    };

    private static void WriteUnits(string path, IReadOnlyList<Unit> units) =>
        AtomicFile.Write(path, s => SimpleXlsxWriter.Write(s, "单位名录", ["序号", "单位代码", "单位名称", "简称", "别名", "联络员", "联络员邮箱", "备注"],
            units.Select(u => (IReadOnlyList<object?>)[u.SortOrder, u.Code, u.Name, u.ShortName, string.Join("、", u.Aliases),
                string.Join("；", u.Liaisons.Select(l => l.Name)), string.Join("；", u.Liaisons.Select(l => l.Email)), ""])));

    private static void WriteNextYearTasks(string path, IReadOnlyList<(TaskItem Task, object Deadline)> tasks, IReadOnlyList<Unit> units)
    {
        var names = units.ToDictionary(u => u.Code, u => u);
        string Name(string code, int i) => names[code].Aliases.Count > 0 && i % 3 == 0 ? names[code].Aliases[0] : names[code].ShortName;
        AtomicFile.Write(path, s => SimpleXlsxWriter.Write(s, "2026年度任务清单", ["任务编号", "类别", "任务内容", "责任单位", "配合单位", "完成时限", "清单类型", "接续上年任务"],
            NextYearList.Rows(tasks, Name)));
    }

    private static void WriteTasks(string path, IReadOnlyList<(TaskItem Task, object Deadline)> tasks, IReadOnlyList<Unit> units)
    {
        var names = units.ToDictionary(u => u.Code, u => u);
        // Lists name units the way people do: short names, sometimes an alias.
        string Name(string code, int i) => names[code].Aliases.Count > 0 && i % 3 == 0 ? names[code].Aliases[0] : names[code].ShortName;
        var rows = new List<IReadOnlyList<object?>>();
        foreach (var (task, deadline) in tasks)
        {
            rows.Add([task.Code, task.Category, task.Content, Name(task.LeadUnit, task.SortOrder),
                string.Join("、", task.CoUnits.Select((c, i) => Name(c, i + task.SortOrder))), deadline, task.ListType, ""]);
            if (task.SortOrder % 97 == 0) rows.Add([null, null, null, null, null, null, null, null]); // stray blank rows, as in real lists
        }
        AtomicFile.Write(path, s => SimpleXlsxWriter.Write(s, "任务清单", ["任务编号", "类别", "任务内容", "责任单位", "配合单位", "完成时限", "清单类型", "备注"], rows));
    }
}

/// <summary>
/// The province's 2026 list, for trying a year's rollover on the demo ledger: most 2025 tasks are issued
/// again word for word (they continue), some with new wording and 接续上年任务 filled in, some codes are
/// reused for other work, every third task is dropped (the open ones are carried over as 上年结转), and
/// each category gets a new task. Written without the random source, so the 2025 files stay as they were.
/// </summary>
file static class NextYearList
{
    public static IReadOnlyList<IReadOnlyList<object?>> Rows(IReadOnlyList<(TaskItem Task, object Deadline)> tasks, Func<string, int, string> name)
    {
        var rows = new List<IReadOnlyList<object?>>();
        foreach (var (task, deadline) in tasks.Where(t => t.Task.SortOrder % 3 != 0))
        {
            var moved = deadline switch
            {
                DateOnly d => (object)d.AddYears(1),
                string text => text.Replace("2025", "2026", StringComparison.Ordinal),
                var other => other,
            };
            var (content, continues) = task.SortOrder % 7 == 0 ? ($"{task.Content[..Math.Min(6, task.Content.Length)]}成效评估和经验总结", "")  // the code, reused for other work
                : task.SortOrder % 5 == 0 ? (task.Content + "（2026年深化提升）", task.Code)                                                   // reworded, continuing
                : (task.Content, "");                                                                                                           // the same task again
            rows.Add([task.Code, task.Category, content, name(task.LeadUnit, task.SortOrder),
                string.Join("、", task.CoUnits.Select((c, i) => name(c, i + task.SortOrder))), moved, task.ListType, continues]);
        }
        foreach (var (letter, lead) in tasks.GroupBy(t => t.Task.Category).Select(g => (g.Key, g.First().Task.LeadUnit)))
        {
            var next = tasks.Count(t => t.Task.Category == letter) + 1;
            rows.Add([$"{letter}-{next:D3}", letter, "贯彻落实2026年省直机关党的建设工作会议部署", name(lead, next), "", "2026年11月底", TaskItem.AnnualKey, ""]);
        }
        return rows;
    }
}

public sealed record SampleSummary(int Units, int Tasks, int Files);
