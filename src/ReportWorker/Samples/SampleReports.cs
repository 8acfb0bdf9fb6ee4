using ReportWorker.Ledger;
using ReportWorker.Registry;
using ReportWorker.Periods;

namespace ReportWorker.Samples;

/// <summary>
/// Simulates how the units actually progress over the year: most tasks on schedule and closing around
/// their deadline, some lagging for months before they catch up (or not, and are carried into next
/// year), a few not started, standing tasks never closing. Deterministic.
/// </summary>
/// <remarks>
/// <paramref name="random"/> is the generator's shared source: each task draws from it once, as it always
/// has, so the first quarter's forms (committed in samples/) stay byte for byte what they were. What
/// happens from April on is drawn from <paramref name="later"/>, a source of its own.
/// </remarks>
internal sealed class SampleReports(IReadOnlyList<TaskItem> tasks, Random random, Random later)
{
    // A laggard picks up from April at the earliest (the first quarter's books are committed); a quarter of
    // them are still behind in December.
    private const int FirstRecovery = 4;
    private const int RecoveryMonths = 12;

    private readonly Dictionary<string, Plan> _plans = tasks.ToDictionary(t => t.Code, t => new Plan(
        t.Deadline is { } d ? ReportMonth.Of(d).Month + random.Next(-2, 3) switch { < 1 => 1, var m => m } : 99,
        random.NextDouble(), random.Next(0, 3)));

    private readonly Dictionary<string, YearPlan> _year = tasks.ToDictionary(t => t.Code, _ => new YearPlan(FirstRecovery + later.Next(0, RecoveryMonths), later.NextDouble() < 0.5));

    private static readonly string[] Done = ["已按计划全部完成，形成工作总结并报工委备案。", "已召开专题会议验收，相关制度文件已印发实施。", "已完成全部工作任务，成果已在全省机关推广。"];
    private static readonly string[] Going = ["已制定工作方案并召开部署会，各支部按计划推进。", "本月组织专题学习1次、督导检查2次，工作按序时推进。", "完成阶段性任务，形成工作台账，正在推进下一阶段工作。", "- 召开党组会研究部署；- 印发实施方案；- 开展调研3次。", "结合业务工作同步推进，已完成年度计划的主要节点。"];
    private static readonly string[] Behind = ["受人员调整影响，方案报批晚于计划。", "涉及多个部门协调，配合单位意见尚未反馈。", "前期调研不够充分，方案需要修改完善。"];
    private static readonly string[] Next = ["下月召开推进会，确保按期完成。", "加强与配合单位沟通，下月底前完成方案报批。", "按计划推进，月底前完成阶段总结。", "=下月完成全部验收工作"];

    public ReportEntry Entry(TaskItem task, string unitCode, int month)
    {
        var plan = _plans[task.Code];
        var isLead = task.LeadUnit == unitCode;
        // A chronic laggard (the riskiest few) lags until it recovers, then needs two more months to close.
        // A task planned past December is closed in a year-end push half the time, else carried into next year.
        var chronic = plan.Risk <= 0.08;
        var (recovers, pushed) = _year[task.Code];
        var closesIn = chronic ? Math.Max(plan.CompleteIn, recovers + 2) : plan.CompleteIn > 12 && pushed ? 12 : plan.CompleteIn;
        if (month >= closesIn && task.Deadline is not null)
            return new(task.Id, task.Code, ReportStatus.Completed, 100, Pick(Done, task, month), "", "");
        // Progress is measured against the month the task will close; a chronic laggard's, once it has recovered.
        var share = Share(task, month, month < recovers ? plan.CompleteIn : closesIn);
        if (plan.Risk < 0.05 && month <= plan.Stall)
            return new(task.Id, task.Code, ReportStatus.NotStarted, 0, "", Pick(Behind, task, month), Pick(Next, task, month));
        // The others at risk lag from February until they close; chronic laggards and standing tasks until they recover.
        if (plan.Risk < 0.14 && month >= 2 && (month < recovers || (!chronic && task.Deadline is not null)))
            return new(task.Id, task.Code, ReportStatus.Lagging, Math.Round(share * 0.5), Pick(Going, task, month), Pick(Behind, task, month), Pick(Next, task, month));
        var percent = Math.Round(isLead ? share : Math.Min(95, share + 5));
        return new(task.Id, task.Code, ReportStatus.OnSchedule, percent, Pick(Going, task, month), "", Pick(Next, task, month));
    }

    private static double Share(TaskItem task, int month, int closesIn) =>
        task.Deadline is null ? Math.Min(90, month * 8 + 10) : Math.Min(95, 100.0 * month / Math.Max(1, closesIn));

    private static string Pick(string[] texts, TaskItem task, int month) => texts[(task.SortOrder + month) % texts.Length];

    private sealed record Plan(int CompleteIn, double Risk, int Stall);

    private sealed record YearPlan(int Recovers, bool PushedToClose);
}
