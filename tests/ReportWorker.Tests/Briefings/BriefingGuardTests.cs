using Dapper;
using ReportWorker.Briefings;
using ReportWorker.Ledger;
using ReportWorker.Periods;
using ReportWorker.Tests.Support;

namespace ReportWorker.Tests.Briefings;

/// <summary>
/// A briefing is issued only once its last month's forms are due (March's: Monday 7 April 2025, 17:00, after 清明);
/// a refusal takes no issue number and numbers no 督办事项. A preview may be made at any time and leaves no trace.
/// </summary>
public class BriefingGuardTests : IDisposable
{
    private static readonly ReportMonth March = new(2025, 3);
    private static readonly Quarter FirstQuarter = new(2025, 1);
    private readonly TestWorld _world = new(start: new DateTimeOffset(2025, 3, 20, 10, 0, 0, TimeSpan.FromHours(8)));

    public BriefingGuardTests()
    {
        // C-001 (省审计厅) was due 28 February and is open: a 督办事项 at the end of the first quarter.
        _world.ImportSmallRegistry();
        _world.SetLocalTime(2025, 4, 3);
        Assert.True(_world.TakeIn("u01.xlsx", _world.FilledForm("U01", March)).IsAccepted);
    }

    public void Dispose() => _world.Dispose();

    private long Count(string sql)
    {
        using var c = _world.Get<LedgerDatabase>().Open();
        return c.ExecuteScalar<long>(sql);
    }

    private long Briefings => Count("SELECT COUNT(*) FROM briefings");
    private long BriefingMail => Count("SELECT COUNT(*) FROM outbox WHERE kind IN ('monthly-notice', 'quarterly-notice', 'supervision-slip')");

    [Fact]
    public void A_notice_before_its_months_forms_are_due_is_refused_and_the_first_real_issue_is_still_number_one()
    {
        _world.SetLocalTime(2025, 4, 7, 16, 59);

        var refused = Assert.Throws<PeriodNotOpenException>(() => _world.Get<BriefingPublisher>().Monthly(March));

        Assert.Contains("2025年3月的月通报现在还不能印发", refused.Message);
        Assert.Contains("2025年4月7日 17:00才截止", refused.Message);
        Assert.Contains("--force", refused.Message);
        Assert.Contains("briefing monthly --month 2025-03 --preview", refused.Message);
        Assert.Equal(new DateTimeOffset(2025, 4, 7, 17, 0, 0, TimeSpan.FromHours(8)), refused.OpensAt);
        Assert.Equal(0, Briefings);
        Assert.Equal(0, BriefingMail);

        _world.SetLocalTime(2025, 4, 8, 9);
        var issued = _world.Get<BriefingPublisher>().Monthly(March).Briefing;
        Assert.Equal(1, issued.Record.IssueNo);
        Assert.False(issued.BeforeDue);
    }

    [Fact]
    public void A_mistyped_month_not_yet_begun_is_refused_and_uses_up_no_issue_number()
    {
        _world.SetLocalTime(2025, 4, 8, 9);

        Assert.Throws<PeriodNotOpenException>(() => _world.Get<BriefingService>().Monthly(new ReportMonth(2025, 6), null, reissue: false));

        Assert.Equal(1, _world.Get<BriefingService>().Monthly(March, null, reissue: false).Record.IssueNo);
        Assert.Equal(1, Briefings);
    }

    [Fact]
    public void Force_issues_a_notice_before_its_forms_are_due_and_says_so()
    {
        _world.SetLocalTime(2025, 4, 7, 16);

        var forced = _world.Get<BriefingService>().Monthly(March, null, reissue: false, force: true);

        Assert.True(forced.BeforeDue);
        Assert.Equal(1, forced.Record.IssueNo);
        Assert.Equal(1, Briefings);
    }

    [Fact]
    public void A_quarter_before_its_last_forms_are_due_is_refused_and_numbers_no_item()
    {
        _world.SetLocalTime(2025, 4, 7, 16);

        var refused = Assert.Throws<PeriodNotOpenException>(() => _world.Get<QuarterlyService>().Quarterly(FirstQuarter, null, reissue: false));

        Assert.Contains("2025年第一季度的季督办现在还不能印发", refused.Message);
        Assert.Equal(0, Briefings);
        Assert.Equal(0, Count("SELECT COUNT(*) FROM supervision_items"));

        _world.SetLocalTime(2025, 4, 10, 9);
        var issued = _world.Get<QuarterlyService>().Quarterly(FirstQuarter, null, reissue: false);
        Assert.Equal(1, issued.Record.IssueNo);
        Assert.Contains(issued.Figures.Items, i => i.Number == "督〔2025〕Q1-001");
    }

    [Fact]
    public void A_monthly_preview_before_the_month_ends_is_a_draft_on_every_page_with_no_number_and_leaves_no_trace()
    {
        var april = new ReportMonth(2025, 4); // it is 3 April

        var draft = _world.Get<BriefingService>().Preview(april, null);

        Assert.True(draft.BeforeDue);
        Assert.Equal(Path.Combine(_world.Paths.Briefings, "preview", "2025-04", "2025-04-月通报-草稿.pdf"), draft.Path);
        var text = DraftPdf.AssertMarkedOnEveryPage(draft.Path);
        Assert.Contains("琼直工委通〔2025〕×号", text);
        Assert.DoesNotContain("〔2025〕1号", text);
        Assert.Equal(0, Briefings);
        Assert.Equal(0, BriefingMail);

        _world.SetLocalTime(2025, 5, 8, 9); // April's forms were due 6 May, after the May Day holiday
        Assert.Equal(1, _world.Get<BriefingPublisher>().Monthly(april).Briefing.Record.IssueNo);
    }

    [Fact]
    public void A_quarterly_preview_drafts_the_summary_and_each_slip_and_keeps_no_item()
    {
        var draft = _world.Get<QuarterlyService>().Preview(FirstQuarter, null);

        Assert.True(draft.BeforeDue);
        Assert.Contains(draft.Slips, s => s.Unit.Code == "U02"); // C-001, overdue since 28 February
        Assert.Contains("2025年第×期", DraftPdf.AssertMarkedOnEveryPage(draft.SummaryPath));
        Assert.Contains("督〔2025〕Q1-001", string.Concat(draft.Slips.Select(s => DraftPdf.AssertMarkedOnEveryPage(s.Path))));
        Assert.All(draft.Slips.Select(s => s.Path).Append(draft.SummaryPath), p => Assert.StartsWith(Path.Combine(_world.Paths.Briefings, "preview", "2025Q1"), p));
        Assert.Equal(0, Briefings);
        Assert.Equal(0, Count("SELECT COUNT(*) FROM supervision_items"));
        Assert.Equal(0, BriefingMail);
    }
}
