using Microsoft.Extensions.Diagnostics.HealthChecks;
using ReportWorker.Calendar;
using ReportWorker.Hosting;

namespace ReportWorker.Health;

/// <summary>
/// 节假日日历: the holiday data covers today (else due dates and reminders fall on holidays: 故障), and the next year
/// is in by the time the daily calendar-check starts asking for it (<see cref="CalendarCoverage.Expiring"/>: 注意).
/// </summary>
internal sealed class HolidayCalendarCheck(ReportingCalendar calendar, HolidayCalendarFile file) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct)
    {
        var coverage = calendar.WorkingDays.Coverage(calendar.Today);
        var add = $"请按国务院办公厅《关于{coverage.MissingYear}年部分节假日安排的通知》整理文件，运行 {CommandName.Value} calendar add 文件 导入。";
        return Task.FromResult(coverage switch
        {
            { CoveredThrough: null } => HealthCheckResult.Unhealthy(
                $"{file.DataFile} 没有 {coverage.MissingYear} 年的放假安排：今天起只按周一至周五计算工作日，春节等假期照常催报、截止时间不顺延。{add}"),
            { Expiring: true, CoveredThrough: { } last } => HealthCheckResult.Degraded(
                $"节假日和调休数据只到 {ReportingCalendar.Chinese(last)}（还剩 {coverage.DaysLeft} 天），{coverage.MissingYear}年的尚未导入。{add}"),
            { CoveredThrough: { } last } => HealthCheckResult.Healthy($"{file.DataFile} 覆盖到 {ReportingCalendar.Chinese(last)}"),
        });
    }
}
