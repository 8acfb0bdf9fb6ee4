using ReportWorker.Calendar;
using ReportWorker.Registry;
using ReportWorker.Scheduling;

namespace ReportWorker.Forms;

/// <summary>On the 25th: every unit's pre-filled form for the month, queued to its liaisons once.</summary>
public sealed class FormsJob(FormService forms, ReportingCalendar calendar) : IScheduledJob
{
    public string Name => "forms";
    public string Title => "下发月报表";
    public FirePeriod Period => FirePeriod.Month;
    public bool MovesOffHolidays => true;

    public Task<string> RunAsync(JobPeriod period, bool force, CancellationToken ct)
    {
        var early = !forms.HasBegun(period.Month);
        var sent = forms.Generate(period.Month, null, null, send: true, force);
        // The due date printed on the forms was moved off holidays only if the holidays were known.
        return Task.FromResult($"{period} 月报表 {sent.Count} 份，新排队 {sent.Count(f => f.Queued)} 封{(early ? "（该月尚未开始，已按 --force 强制下发）" : "")}" + calendar.DueNote(period.Month));
    }
}
