using ReportWorker.Assessment;
using ReportWorker.Briefings;
using ReportWorker.Ledger;
using ReportWorker.Periods;
using ReportWorker.Registry;

namespace ReportWorker.Tests.Assessment;

/// <summary>
/// A hand-made 2025 under the shipped 2025 细则 (completion 40, reporting 20 with 1 per late and 3 per missing
/// month, supervision 20 with 蓝1 黄2 红4 per item not rectified, overdue 20 with 2 per task; bonus cap 5,
/// deduction cap 10; 好 ≥ 90, 较好 ≥ 80, 一般 ≥ 60; 好 at most 30 %). Expected scores are worked out beside each unit.
/// </summary>
public sealed class AssessmentCalculatorTests
{
    private static readonly AssessmentScheme Scheme = AssessmentSchemeFile.Load(Path.Combine(AppContext.BaseDirectory, "templates"), 2025);
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    private static Unit U(int n) => new($"U{n}", $"单位{n}", $"单位{n}", [], [], n);

    private static IReadOnlyList<MonthReport> Months(int from = 1, int[]? late = null, int[]? missing = null) =>
        Enumerable.Range(from, 13 - from).Select(m =>
        {
            var month = new ReportMonth(2025, m);
            var due = new DateTimeOffset(month.Next.FirstDay.AddDays(4).ToDateTime(new TimeOnly(17, 0)), Beijing);
            return missing?.Contains(m) == true ? new MonthReport(month, SubmissionState.Missing, null, due)
                : late?.Contains(m) == true ? new MonthReport(month, SubmissionState.Late, due.AddHours(16.5), due)
                : new MonthReport(month, SubmissionState.OnTime, due.AddDays(-2), due);
        }).ToArray();

    private static IReadOnlyList<TaskAtYearEnd> Tasks(int due, int closed, int overdue = 0) =>
        Enumerable.Range(1, due).Select(n => new TaskAtYearEnd($"A-{n:D3}", $"任务{n}", "2025年6月底", true,
            n <= closed ? new ReportMonth(2025, 6) : null, n > closed && n <= closed + overdue)).ToArray();

    private static ItemOutcome Item(string number, Level level, ReportMonth? closedIn) => new(number, "A-010", level, new DateOnly(2025, 7, 31), closedIn);

    private static OfficeEntry Entry(string unit, string kind, double points, string reason) => new(unit, kind, points, reason, 2);

    private static readonly UnitYear[] Year =
    [
        // 9 of 10 closed: 36; March late: 19; one 黄 item not rectified: 18; A-010 overdue: 18 → 91; 表彰 +2 → 93.
        new(U(1), Months(late: [3]), Tasks(10, 9, overdue: 1), [Item("督〔2025〕Q2-001", Level.Yellow, null)], [Entry("U1", "加分", 2, "获评全省机关党建示范单位（琼直工委〔2025〕12号）")]),
        // The same as U1 without the bonus: 91.
        new(U(2), Months(late: [3]), Tasks(10, 9, overdue: 1), [Item("督〔2025〕Q2-002", Level.Yellow, null)], []),
        // 10 of 10: 40; three months missing: 11; an item for lagging months, no longer lagging by its deadline: 20; 20
        // → 91, tied with U2 and ahead of it on completion rate.
        new(U(3), Months(missing: [2, 5, 8]), Tasks(10, 10), [new("督〔2025〕Q1-009", "E-001", Level.Blue, new DateOnly(2025, 4, 30), null, ForOverdue: false, LaggingAtDeadline: false)], []),
        // Perfect (100) but vetoed: 差 whatever the score.
        new(U(4), Months(), Tasks(4, 4), [], [Entry("U4", "一票否决", 0, "发生严重违反中央八项规定精神问题")]),
        // Leads nothing, shares tasks: only reporting applies, one month late: 19/20 → 95.
        new(U(5), Months(late: [11]), [], [], []),
        // Added in July: owes July–December only; November missing: 17; 2 of 2: 40; an item for lagging months still
        // lagging at its deadline: 19; 20 → 96.
        new(U(6), Months(from: 7, missing: [11]), Tasks(2, 2), [new("督〔2025〕Q3-004", "E-002", Level.Blue, new DateOnly(2025, 10, 31), null, ForOverdue: false, LaggingAtDeadline: true)], []),
        // Nothing at all this year: not assessed.
        new(U(7), [], [], [], []),
        // Perfect, an item rectified in time, but the office takes off 6 + 6 = 12, capped at 10 → 90.
        new(U(8), Months(), Tasks(3, 3), [Item("督〔2025〕Q1-003", Level.Red, new ReportMonth(2025, 7))],
            [Entry("U8", "扣分", 6, "巡视反馈问题整改不到位"), Entry("U8", "扣分", 6, "年度述职评议排名靠后")]),
    ];

    private static readonly AssessmentResult Result = AssessmentCalculator.Compute(Scheme, Year);
    private static UnitResult Of(string code) => Result.Units.Single(u => u.Unit.Code == code);

    [Fact]
    public void Scores_are_the_hand_worked_ones()
    {
        Assert.Equal(93, Of("U1").Score);
        Assert.Equal(91, Of("U2").Score);
        Assert.Equal(91, Of("U3").Score);
        Assert.Equal(100, Of("U4").Score);
        Assert.Equal(95, Of("U5").Score);
        Assert.Equal(96, Of("U6").Score);
        Assert.Equal(90, Of("U8").Score);
        Assert.Equal([36.0, 19, 18, 18], Of("U1").Indicators.Select(i => i.Score));
    }

    [Fact]
    public void Ranks_by_score_then_the_tie_break_and_leaves_out_a_unit_with_nothing_to_assess()
    {
        Assert.Equal(["U4", "U6", "U5", "U1", "U3", "U2", "U8"], Result.Units.Select(u => u.Unit.Code));
        Assert.Equal([1, 2, 3, 4, 5, 6, 7], Result.Units.Select(u => u.Rank));
        Assert.Equal("U7", Assert.Single(Result.NotAssessed).Code);
    }

    [Fact]
    public void A_veto_caps_the_grade_and_the_top_grade_keeps_its_share_in_ranking_order()
    {
        Assert.Equal("差", Of("U4").Grade);
        Assert.Contains("一票否决", Of("U4").GradeNote);
        // 7 assessed, 好 at most 30 %: 2 units. U6 and U5 (96, 95) are 好; U1, U3, U2 and U8 score 90 or more but are 较好.
        Assert.Equal(2, Result.TopGradeLimit);
        Assert.Equal(["好", "好", "较好", "较好", "较好", "较好"], new[] { "U6", "U5", "U1", "U3", "U2", "U8" }.Select(c => Of(c).Grade));
        Assert.Contains("不超过参加考核单位的30%（2个）", Of("U1").GradeNote);
        Assert.Null(Of("U6").GradeNote);
    }

    [Fact]
    public void Every_point_lost_names_its_evidence()
    {
        var u2 = Of("U2").Indicators.ToDictionary(i => i.Indicator.Key);
        var late = Assert.Single(u2["reporting"].Reasons);
        Assert.Equal("2025年3月月报逾期报送（4月6日 09:30收到，截止4月5日 17:00）", late.Evidence);
        Assert.Equal(-1, late.Points);
        var item = Assert.Single(u2["supervision"].Reasons);
        Assert.Equal("督〔2025〕Q2-002 A-010（黄色督办）整改时限2025年7月31日，至年底仍未销号", item.Evidence);
        Assert.Equal(-2, item.Points);
        Assert.Equal("A-010 任务10（完成时限2025年6月底）年底逾期未完成", Assert.Single(u2["overdue"].Reasons).Evidence);
        Assert.Equal(-4, Assert.Single(u2["completion"].Reasons).Points);
        Assert.Equal("2025年11月月报未报送（截止12月5日 17:00）", Assert.Single(Of("U6").Indicators.Single(i => i.Indicator.Key == "reporting").Reasons).Evidence);
        Assert.Equal("督〔2025〕Q3-004 E-002（蓝色督办）整改时限2025年10月31日，届时仍报告滞后或未启动",
            Assert.Single(Of("U6").Indicators.Single(i => i.Indicator.Key == "supervision").Reasons).Evidence);
        Assert.Empty(Of("U3").Indicators.Single(i => i.Indicator.Key == "supervision").Reasons);
    }

    [Fact]
    public void Indicators_that_measure_nothing_are_left_out_and_the_rest_scaled_to_100()
    {
        var u5 = Of("U5");
        Assert.Equal([false, true, false, false], u5.Indicators.Select(i => i.Applicable));
        Assert.Equal(95, u5.Base);
        Assert.Contains("不计分", u5.Indicators[0].Summary);
    }

    [Fact]
    public void The_office_points_count_up_to_their_caps_with_their_entries()
    {
        var u8 = Of("U8");
        Assert.Equal(12, u8.Deduction.Entered);
        Assert.Equal(10, u8.Deduction.Counted);
        Assert.Equal(["巡视反馈问题整改不到位", "年度述职评议排名靠后"], u8.Deduction.Reasons.Select(r => r.Evidence));
        Assert.Equal(2, Of("U1").Bonus.Counted);
        // The red item closed in July, by its deadline (31 July): nothing off.
        Assert.Empty(u8.Indicators.Single(i => i.Indicator.Key == "supervision").Reasons);
    }
}
