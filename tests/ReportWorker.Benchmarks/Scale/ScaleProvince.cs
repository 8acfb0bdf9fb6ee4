using ReportWorker.Ledger;
using ReportWorker.Registry;
using ReportWorker.Spreadsheets;
using ReportWorker.Storage;
using ReportWorker.Periods;

namespace ReportWorker.Benchmarks.Scale;

/// <summary>
/// A province of <c>factor × 100</c> units and <c>factor × 300</c> tasks, deterministic for a factor.
/// Every unit leads exactly three tasks (so every unit gets a 督办单) and co-operates on about three more:
/// <list type="bullet">
/// <item>its first task was due at the end of February and is reported 滞后 in February and March:
/// overdue and lagging two months, a 黄 item;</item>
/// <item>its second is standing (长期坚持) and on schedule, except every fourth unit's, which is dated
/// March and reported 已完成 in March (closed this month);</item>
/// <item>its third is due at the end of the year; every second unit reports it 滞后 in February and March
/// (a 蓝 item for lagging two months running), the others on schedule.</item>
/// </list>
/// Co-units answer 序时推进. January is on schedule everywhere.
/// </summary>
public sealed class ScaleProvince
{
    public static readonly ReportMonth[] History = [new(2025, 1), new(2025, 2)];
    public static readonly ReportMonth Month = new(2025, 3);

    private static readonly string[] Sectors =
    [
        "教育厅", "科技厅", "民政厅", "司法厅", "财政厅", "商务厅", "审计厅", "统计局", "气象局", "水务厅",
        "林业局", "粮食局", "体育局", "文物局", "海洋厅", "交通厅", "卫健委", "人社厅", "住建厅", "农业厅",
        "应急厅", "医保局", "药监局", "信访局", "档案局", "机关局", "地震局", "侨务办", "外事办", "国资委",
    ];
    private static readonly string[] Actions = ["严格落实", "深入推进", "持续深化", "健全完善", "认真组织", "扎实开展", "围绕封关运作", "组织实施"];
    private static readonly string[] Objects =
    [
        "“第一议题”制度，及时跟进学习重要讲话和重要指示批示精神", "党组理论学习中心组学习，全年专题研讨不少于6次",
        "机关党建主体责任清单，层层压实管党治党责任", "意识形态工作责任制，每半年报送干部职工思想状况分析报告",
        "党员先锋岗，保障“一线放开、二线管住”平稳运行", "“党建+项目”工作法，推动重点项目按期建成投产",
        "为企业办实事清单，全年解决企业诉求不少于20件", "机关党员到社区报到服务，每名党员全年服务不少于4次",
        "网格化管理中的党员包片联户制度", "机关保密和网络安全责任制落实，开展专项检查",
    ];
    private static readonly string[] Categories = ["A", "B", "C", "D", "E", "F"];

    public ScaleProvince(int factor)
    {
        Factor = factor;
        var unitCount = factor * 100;
        Units = Enumerable.Range(0, unitCount).Select(i =>
        {
            var shortName = $"省{Sectors[i % Sectors.Length]}{i / Sectors.Length + 1}处";
            return new Unit($"U{i + 1:D5}", $"海南{shortName}机关", shortName, [], [new Liaison($"联络员{i + 1}", $"u{i + 1:D5}@example.gov.cn")], i + 1);
        }).ToArray();
        var random = new Random(20250101 + factor);
        var tasks = new List<TaskItem>();
        for (var i = 0; i < factor * 300; i++)
        {
            var u = i % unitCount;
            var kind = i / unitCount; // 0, 1, 2: the unit's first, second, third task
            var coCount = random.Next(0, 3);
            var co = Enumerable.Range(0, coCount).Select(_ => Units[random.Next(unitCount)].Code).Where(c => c != Units[u].Code).Distinct().ToArray();
            var (deadline, text) = kind switch
            {
                0 => (new DateOnly(2025, 2, 28), "2025年2月底"),
                1 when u % 4 == 0 => (new DateOnly(2025, 3, 31), "2025-03-31"),
                1 => ((DateOnly?)null, "长期坚持"),
                _ => (new DateOnly(2025, 12, 31), "年底"),
            };
            var category = Categories[i % Categories.Length];
            var content = $"{Actions[random.Next(Actions.Length)]}{Objects[random.Next(Objects.Length)]}";
            tasks.Add(new TaskItem($"{category}-{i + 1:D5}", category, content, Units[u].Code, co, deadline, text,
                deadline is null ? TaskItem.Routine : TaskItem.AnnualKey, i + 1) { Id = i + 1, Year = 2025 }); // the ids a fresh ledger gives them
        }
        Tasks = tasks;
        var mine = Units.ToDictionary(u => u.Code, _ => new List<TaskItem>());
        foreach (var t in Tasks)
        {
            mine[t.LeadUnit].Add(t);
            foreach (var c in t.CoUnits) mine[c].Add(t);
        }
        TasksOf = mine.ToDictionary(kv => kv.Key, kv => (IReadOnlyList<TaskItem>)kv.Value);
    }

    public int Factor { get; }
    public IReadOnlyList<Unit> Units { get; }
    public IReadOnlyList<TaskItem> Tasks { get; }
    /// <summary>Each unit's rows on its form (lead and co-operating), in task order.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<TaskItem>> TasksOf { get; }

    /// <summary>What <paramref name="unitCode"/> reports for a task in a month (see the class summary).</summary>
    public ReportEntry Answer(TaskItem task, string unitCode, ReportMonth month)
    {
        var lead = task.LeadUnit == unitCode;
        var u = int.Parse(task.LeadUnit.AsSpan(1)) - 1;
        var kind = (task.SortOrder - 1) / Units.Count;
        var lagging = lead && month > History[0] && (kind == 0 || (kind == 2 && u % 2 == 0));
        if (lagging) return new(task.Id, task.Code, ReportStatus.Lagging, 20, "受人员调整影响，方案报批晚于计划。", "涉及多个部门协调，配合单位意见尚未反馈。", "加强与配合单位沟通，下月底前完成方案报批。");
        if (lead && kind == 1 && task.Deadline is not null && month == Month)
            return new(task.Id, task.Code, ReportStatus.Completed, 100, "已按计划全部完成，形成工作总结并报工委备案。", "", "");
        return new(task.Id, task.Code, ReportStatus.OnSchedule, 10 * month.Month + 20, "已制定工作方案并召开部署会，各支部按计划推进。", "", "按计划推进，月底前完成阶段总结。");
    }

    public IReadOnlyDictionary<long, ReportEntry> Answers(string unitCode, ReportMonth month) =>
        TasksOf[unitCode].ToDictionary(t => t.Id, t => Answer(t, unitCode, month));

    /// <summary>units.xlsx and tasks.xlsx as an operator would import them (units named by short name in the task list).</summary>
    public (string Units, string Tasks) WriteRegistry(string folder)
    {
        var units = Path.Combine(folder, "units.xlsx");
        AtomicFile.Write(units, s => SimpleXlsxWriter.Write(s, "单位名录", ["序号", "单位代码", "单位名称", "简称", "联络员", "联络员邮箱"],
            Units.Select(u => (IReadOnlyList<object?>)[u.SortOrder, u.Code, u.Name, u.ShortName, u.Liaisons[0].Name, u.Liaisons[0].Email])));
        var names = Units.ToDictionary(u => u.Code, u => u.ShortName);
        var tasks = Path.Combine(folder, "tasks.xlsx");
        AtomicFile.Write(tasks, s => SimpleXlsxWriter.Write(s, "任务清单", ["任务编号", "类别", "任务内容", "牵头单位", "配合单位", "完成时限", "清单类型"],
            Tasks.Select(t => (IReadOnlyList<object?>)[t.Code, t.Category, t.Content, names[t.LeadUnit], string.Join("、", t.CoUnits.Select(c => names[c])), t.DeadlineText, t.ListType])));
        return (units, tasks);
    }
}
