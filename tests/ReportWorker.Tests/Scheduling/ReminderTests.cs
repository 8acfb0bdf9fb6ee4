using MimeKit;
using ReportWorker.Delivery;
using ReportWorker.Forms;
using ReportWorker.Ledger;
using ReportWorker.Reminders;
using ReportWorker.Tests.Support;
using ReportWorker.Periods;

namespace ReportWorker.Tests.Scheduling;

/// <summary>催报 on the real 2025 calendar: March's forms are due Monday 7 April (4–6 April is 清明).</summary>
public class ReminderTests : IDisposable
{
    private static readonly ReportMonth March = new(2025, 3);
    private readonly TestWorld _world = new(new Dictionary<string, string?> { ["Reminders:MaxReminders"] = "3" }, new DateTimeOffset(2025, 3, 20, 9, 0, 0, TimeSpan.FromHours(8)));

    public ReminderTests()
    {
        _world.ImportSmallRegistry();
        _world.SetLocalTime(2025, 3, 25, 9);
        _world.Get<FormService>().Generate(March, null, null, send: true); // a reminder presupposes the forms went out
        _world.SetLocalTime(2025, 3, 28);
        Assert.True(_world.TakeIn("u01.xlsx", _world.FilledForm("U01", March)).IsAccepted);
    }

    public void Dispose() => _world.Dispose();

    private ReminderResult RemindOn(int month, int day)
    {
        _world.SetLocalTime(2025, month, day, 8, 30);
        return _world.Get<ReminderService>().Remind(new DateOnly(2025, month, day));
    }

    private static MimeMessage Load(byte[] mime) => MimeMessage.Load(new MemoryStream(mime), TestContext.Current.CancellationToken);

    private IReadOnlyList<QueuedMessage> Reminders() => _world.Get<OutboxStore>().Due().Where(m => m.Kind == "reminder").ToArray();

    [Fact]
    public void On_the_due_day_each_unit_still_missing_gets_one_reminder_with_its_form_and_a_unit_that_reported_gets_none()
    {
        var result = RemindOn(4, 7);

        Assert.Equal(March, result.Month);
        Assert.Equal(0, result.WorkingDaysLate);
        Assert.Equal(["U02", "U03"], result.Missing.Select(u => u.Code).Order());
        var messages = Reminders();
        Assert.Equal(["U02", "U03"], messages.Select(m => m.UnitCode).Order());
        var audit = Load(messages.Single(m => m.UnitCode == "U02").Mime);
        Assert.Contains("今天截止", audit.Subject);
        Assert.Equal(["ssjt@example.gov.cn", "ssjt.dj@example.gov.cn"], audit.To.Mailboxes.Select(a => a.Address));
        var form = Assert.Single(audit.Attachments.OfType<MimePart>());
        Assert.EndsWith(".xlsx", form.FileName);
        using var content = new MemoryStream();
        form.Content!.DecodeTo(content, TestContext.Current.CancellationToken);
        Assert.True(content.Length > 1000);
    }

    [Fact]
    public void Running_twice_on_one_day_queues_nothing_new()
    {
        Assert.Equal(2, RemindOn(4, 7).Queued);
        Assert.Equal(0, RemindOn(4, 7).Queued);
        Assert.Equal(2, Reminders().Count);
    }

    [Fact]
    public void Before_the_due_day_and_after_the_configured_number_of_working_days_nobody_is_reminded()
    {
        Assert.Null(RemindOn(4, 3).Month);      // due date not reached
        Assert.Equal(2, RemindOn(4, 9).WorkingDaysLate);
        Assert.Null(RemindOn(4, 10).Month);     // the third reminder was on 9 April
        Assert.Null(RemindOn(4, 12).Month);     // a Saturday
    }

    [Fact]
    public void A_unit_that_reports_after_the_first_reminder_gets_no_second()
    {
        RemindOn(4, 7);
        _world.SetLocalTime(2025, 4, 7, 15);
        Assert.True(_world.TakeIn("u02.xlsx", _world.FilledForm("U02", March)).IsAccepted);

        var second = RemindOn(4, 8);

        Assert.Equal(1, second.WorkingDaysLate);
        Assert.Equal(["U03"], second.Missing.Select(u => u.Code));
        Assert.Contains("已逾期1个工作日", Load(Reminders().Last().Mime).Subject);
    }

    [Fact]
    public void A_rejected_form_does_not_count_as_reported()
    {
        _world.SetLocalTime(2025, 4, 2);
        Assert.False(_world.TakeIn("u03.xlsx", "not a spreadsheet"u8.ToArray()).IsAccepted);
        Assert.Contains("U03", RemindOn(4, 7).Missing.Select(u => u.Code));
    }
}
