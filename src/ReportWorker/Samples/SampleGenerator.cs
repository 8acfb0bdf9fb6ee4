using System.Globalization;
using System.Text;
using ReportWorker.Calendar;
using ReportWorker.Forms;
using ReportWorker.Hosting;
using ReportWorker.Ledger;
using ReportWorker.Registry;
using ReportWorker.Spreadsheets;
using ReportWorker.Storage;
using ReportWorker.Periods;

namespace ReportWorker.Samples;

/// <summary>
/// Writes the demo province to a folder: units.xlsx, tasks.xlsx, tasks-2026.xlsx, and the returned forms
/// of the months asked for, with a manifest of when each arrived. Same seed, same province: the whole
/// year is simulated in order whichever months are written, so a month's files are the same bytes
/// whether it is written alone or with the others. The due day each arrival is timed against is the
/// worker's own (<see cref="ReportingCalendar.DueAt"/>, holidays included), so the intake judges 按时 and 逾期 as the
/// manifest says.
/// </summary>
public sealed class SampleGenerator(FormService forms, FormLayoutProvider layouts, ReportingCalendar calendar)
{
    public const int DefaultSeed = 20250101;

    /// <summary>The sample year.</summary>
    public static readonly ReportMonth[] Months = [.. Enumerable.Range(1, 12).Select(m => new ReportMonth(2025, m))];

    /// <summary>
    /// The months whose forms are kept in the repository (samples/forms/). The other nine would add about
    /// 3.3 MB of zipped workbooks; the demo writes them into its data folder instead.
    /// </summary>
    public static readonly ReportMonth[] CommittedMonths = Months[..3];

    public const string ManifestName = "manifest.csv";
    public const string NextYearTasksName = "tasks-2026.xlsx";
    public const string AssessmentEntriesName = "assessment-2025.xlsx";

    public SampleSummary Generate(string folder, IReadOnlyCollection<ReportMonth>? months = null, int seed = DefaultSeed)
    {
        months ??= CommittedMonths;
        if (months.Count == 0) throw new ArgumentException("No month to write.", nameof(months));
        var through = months.Max();
        var random = new Random(seed);
        var units = SampleProvince.Units(random);
        var tasks = SampleTasks.Create(units, random);
        Directory.CreateDirectory(folder);
        WriteUnits(Path.Combine(folder, "units.xlsx"), units);
        WriteTasks(Path.Combine(folder, "tasks.xlsx"), tasks, units);

        var taskItems = tasks.Select(t => t.Task).ToArray();
        // From April on the simulation draws from a source of its own: the first quarter keeps its bytes.
        var simulation = new SampleReports(taskItems, random, new Random(seed + 1));
        var manifest = new StringBuilder("month,file,arrived_at,note\n");
        var files = new List<(string Path, Unit Unit, ReportMonth Month, IReadOnlyDictionary<long, ReportEntry> Answers)>();
        // Every month is simulated (each draws arrival times and file names from the shared source) up to
        // the last one asked for; only the months asked for are written.
        foreach (var month in Months.Where(m => m <= through))
        {
            var write = months.Contains(month);
            var monthFolder = Path.Combine(folder, "forms", month.ToString());
            if (write) Directory.CreateDirectory(monthFolder);
            var who = SampleMonth.For(month, units);
            var due = DateOnly.FromDateTime(calendar.ToLocal(calendar.DueAt(month)).DateTime);
            foreach (var unit in units.Where(u => u.Code != who.Missing))
            {
                var rows = taskItems.Where(t => t.Involves(unit.Code)).ToArray();
                if (rows.Length == 0) continue;
                var answers = rows.ToDictionary(t => t.Id, t => simulation.Entry(t, unit.Code, month.Month));
                var late = who.Late.Contains(unit.Code);
                var arrived = Arrival(due, late, random);
                var name = FileName(unit, month, random);
                if (!write) continue;
                var special = who.Special(unit.Code);
                if (special == "rejected-then-fixed")
                {
                    var bad = answers.ToDictionary(kv => kv.Key, kv => kv.Value);
                    var first = rows[0].Id;
                    bad[first] = bad[first] with { Status = "基本完成" };
                    if (rows.Length > 1) bad[rows[1].Id] = bad[rows[1].Id] with { Status = ReportStatus.Completed, Percent = 120, Progress = "" };
                    files.Add((Path.Combine(monthFolder, "退回前_" + name), unit, month, bad));
                    manifest.Append(CultureInfo.InvariantCulture, $"{month},{month}/退回前_{name},{arrived.AddDays(-2):yyyy-MM-ddTHH:mm:sszzz},bad: status not in list; 已完成 without progress; percent 120\n");
                }
                if (special == "revised")
                {
                    files.Add((Path.Combine(monthFolder, "初稿_" + name), unit, month, answers.ToDictionary(kv => kv.Key, kv => kv.Value with { NextSteps = "" })));
                    manifest.Append(CultureInfo.InvariantCulture, $"{month},{month}/初稿_{name},{arrived.AddDays(-1):yyyy-MM-ddTHH:mm:sszzz},first version; superseded by the next\n");
                }
                files.Add((Path.Combine(monthFolder, name), unit, month, answers));
                manifest.Append(CultureInfo.InvariantCulture, $"{month},{month}/{name},{arrived:yyyy-MM-ddTHH:mm:sszzz},{(late ? "late" : "")}\n");
            }
        }
        // Each form is built and written on every core: a year is some 480 workbooks.
        Cores.For(files.Count, i => Write(files[i].Path, files[i].Unit, files[i].Month, taskItems, files[i].Answers));
        var pdf = Months[1];
        if (months.Contains(pdf))
        {
            // A file that is not a form at all, dropped by mistake.
            File.WriteAllText(Path.Combine(folder, "forms", pdf.ToString(), "会议通知.pdf.xlsx"), "%PDF-1.4\n% not a spreadsheet\n");
            manifest.Append(CultureInfo.InvariantCulture, $"{pdf},{pdf}/会议通知.pdf.xlsx,2025-03-03T10:12:00+08:00,bad: a PDF renamed .xlsx\n");
        }
        File.WriteAllText(Path.Combine(folder, ManifestName), manifest.ToString(), new UTF8Encoding(false));
        WriteNextYearTasks(Path.Combine(folder, NextYearTasksName), tasks, units);
        WriteAssessmentEntries(Path.Combine(folder, AssessmentEntriesName), units);
        return new SampleSummary(units.Count, tasks.Count, files.Count + (months.Contains(pdf) ? 1 : 0));
    }

    /// <summary>
    /// The office's own entries for the 2025 assessment, as it keeps them: two commendations, an experience
    /// promoted, a deduction and a 不得评为好, each with its evidence. Written without the random source.
    /// </summary>
    private static void WriteAssessmentEntries(string path, IReadOnlyList<Unit> units) =>
        AtomicFile.Write(path, s => SimpleXlsxWriter.Write(s, "考核加减分", ["序号", "单位", "类型", "分值", "事由"],
        [
            [1, units[2].ShortName, "加分", 2, "获评全省机关党建工作示范单位（琼直工委〔2025〕18号）"],
            [2, units[10].ShortName, "加分", 1.5, "“党建+营商环境”做法被省委办公厅《每日要情》刊发推广"],
            [3, units[10].ShortName, "加分", 5, "机关党委获评全省先进基层党组织（琼组〔2025〕7号）"],
            [4, units[24].ShortName, "扣分", 3, "2025年巡察反馈的3个问题未按期整改到位（琼直工委巡〔2025〕5号）"],
            [5, units[31].ShortName, "不得评为好", "", "年内发生违反中央八项规定精神问题并被通报（琼纪通〔2025〕11号）"],
        ]));

    private void Write(string path, Unit unit, ReportMonth month, IReadOnlyList<TaskItem> tasks, IReadOnlyDictionary<long, ReportEntry> answers)
    {
        var model = forms.Model(unit, month, tasks, answers);
        AtomicFile.Write(path, s => FormWriter.Write(s, model, layouts.Current));
    }

    /// <summary>Most forms arrive in the week before the due day, the late ones one to three days after it.</summary>
    private static DateTimeOffset Arrival(DateOnly due, bool late, Random random)
    {
        var dueDay = due.ToDateTime(TimeOnly.MinValue);
        var day = late ? dueDay.AddDays(random.Next(1, 4)) : dueDay.AddDays(-random.Next(0, 8));
        return new DateTimeOffset(day.AddHours(late ? random.Next(9, 18) : random.Next(8, 17)).AddMinutes(random.Next(60)), TimeSpan.FromHours(8));
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

public sealed record SampleSummary(int Units, int Tasks, int Files);
