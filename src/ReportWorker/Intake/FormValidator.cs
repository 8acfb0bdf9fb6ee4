using ReportWorker.Calendar;
using ReportWorker.Forms;
using ReportWorker.Ledger;
using ReportWorker.Registry;
using ReportWorker.Text;
using ReportWorker.Periods;

namespace ReportWorker.Intake;

/// <summary>
/// Checks a returned form against the books of its month (<see cref="TaskBooks"/>): the right unit, a
/// real month, every one of the unit's tasks present once, statuses from the list, percentages in 0–100.
/// Reports every problem at once, so a liaison fixes the form in one pass.
/// </summary>
public sealed class FormValidator(ReportingCalendar calendar, RegistryStore units, TaskBooks books)
{
    public FormCheck Check(ReturnedForm? form, string? sender, DateTimeOffset receivedAt)
    {
        if (form is null)
            return FormCheck.Rejected(new("", 0, "", "文件中找不到填报表：没有一张工作表带有“任务编号”“状态”等表头。",
                "请使用下发的月报表填写后回传，不要删除或改动表头行。"));

        var unit = form.UnitCode is { } code ? units.FindUnit(code) : null;
        if (unit is null)
            return FormCheck.Rejected(new(form.SheetName, 0, "", form.UnitCode is null
                    ? "无法识别填报单位：表内的单位信息被删除或改动了。"
                    : $"表内的单位代码“{form.UnitCode}”不在单位名录中。",
                "请使用本单位收到的原始填报表填写，不要复制到新文件中。"));

        if (!ReportMonth.TryParse(form.MonthText, out var month))
            return FormCheck.Rejected(new(form.SheetName, 0, "", $"无法识别报告月份{(form.MonthText is null ? "" : $"“{form.MonthText}”")}。",
                "请使用本月下发的原始填报表填写。"), unit);
        var current = ReportMonth.Of(calendar.ToLocal(receivedAt));
        if (month > current)
            return FormCheck.Rejected(new(form.SheetName, 0, "", $"报告月份 {month.ToChinese()} 还没有到。",
                "请确认使用的是本月下发的填报表。"), unit, month);

        if (sender is not null && !unit.Liaisons.Any(l => string.Equals(l.Email, sender, StringComparison.OrdinalIgnoreCase)))
            return FormCheck.Rejected(new(form.SheetName, 0, "", $"发件邮箱 {sender} 不是{unit.Name}登记的联络员邮箱，不能代为报送。",
                $"请由{unit.ShortName}联络员用登记的邮箱发送；联络员变更请联系工委办公室更新单位名录。"), unit, month);

        var errors = new List<FormProblem>();
        var warnings = new List<FormProblem>();
        var entries = new List<ReportEntry>();
        var registry = books.For(month);
        var mine = registry.TasksOf(unit.Code).ToDictionary(t => t.Code);
        var seen = new Dictionary<string, int>();
        var col = form.ColumnNames;

        foreach (var row in form.Rows)
        {
            void Error(string column, string message, string fix) => errors.Add(new(form.SheetName, row.Number, col.GetValueOrDefault(column, column), message, fix));
            void Warn(string column, string message) => warnings.Add(new(form.SheetName, row.Number, col.GetValueOrDefault(column, column), message, ""));

            if (row.Code.Length == 0) { Error("code", "任务编号为空。", "请不要增加行或清空任务编号；多余的行请删除。"); continue; }
            if (registry.Task(row.Code) is null) { Error("code", $"任务编号“{row.Code}”不在{month.Year}年度任务清单和上年结转任务中。", "请核对任务编号，不要修改灰色列。"); continue; }
            if (!mine.ContainsKey(row.Code)) { Error("code", $"任务 {row.Code} 不是{unit.ShortName}牵头或配合的任务。", "请删除这一行，只填报下发表格中预填的任务。"); continue; }
            if (seen.TryGetValue(row.Code, out var first)) { Error("code", $"任务 {row.Code} 与第{first}行重复。", "每项任务只保留一行。"); continue; }
            seen[row.Code] = row.Number;

            var status = ReportStatus.Normalize(row.Status);
            if (row.Status.Length == 0) Error("status", "状态未填写。", "请从下拉列表选择：已完成、序时推进、滞后、未启动。");
            else if (status is null) Error("status", $"状态“{row.Status}”不是规定的选项。", "请从下拉列表选择：已完成、序时推进、滞后、未启动。");

            double percent;
            var percentText = TextNormalizer.Clean(row.Percent?.Text);
            if (percentText.Length == 0)
            {
                percent = status switch { ReportStatus.Completed => 100, ReportStatus.NotStarted => 0, _ => double.NaN };
                if (double.IsNaN(percent)) Error("percent", "完成进度未填写。", "请填写 0 到 100 之间的数字。");
                else if (status is not null) Warn("percent", $"完成进度未填写，按状态“{status}”记为 {percent}。");
            }
            else if (!PercentParser.TryParse(row.Percent, out percent))
                Error("percent", $"完成进度“{percentText}”不是数字。", "请填写 0 到 100 之间的数字，例如 80。");
            else if (percent is < 0 or > 100)
                Error("percent", $"完成进度 {percent} 超出 0–100 的范围。", "请填写 0 到 100 之间的数字，例如 80。");

            if (status == ReportStatus.Completed && row.Progress.Length == 0)
                Error("progress", "状态为“已完成”，但“进展情况”为空。", "请简要写明完成情况（做了什么、何时完成）。");

            if (status is null || double.IsNaN(percent) || percent is < 0 or > 100) continue;
            if (status == ReportStatus.Completed && percent < 100) Warn("percent", $"状态为“已完成”，但完成进度为 {percent}。");
            if (status == ReportStatus.NotStarted && percent > 0) Warn("percent", $"状态为“未启动”，但完成进度为 {percent}。");
            if (status is ReportStatus.OnSchedule or ReportStatus.Lagging && percent >= 100) Warn("percent", $"完成进度为 100，但状态为“{status}”；如已完成请选“已完成”。");
            entries.Add(new ReportEntry(mine[row.Code].Id, row.Code, status, percent, row.Progress, row.Problems, row.NextSteps));
        }

        foreach (var missing in mine.Values.Where(t => !seen.ContainsKey(t.Code)))
            errors.Add(new(form.SheetName, 0, "", $"缺少任务 {missing.Code}（{Abbreviate(missing.Content)}）的行。",
                "请不要删除预填的任务行；如已删除，请使用下发的原始填报表重新填写。"));

        var due = calendar.DueAt(month);
        var late = receivedAt > due;
        if (late)
            warnings.Insert(0, new(form.SheetName, 0, "", $"本表于 {ReportingCalendar.Chinese(calendar.ToLocal(receivedAt))} 收到，晚于报送截止时间 {ReportingCalendar.Chinese(due)}，记为逾期报送。", ""));
        return new FormCheck(unit, month, errors.Count == 0 ? entries : [], errors, warnings, late);
    }

    private static string Abbreviate(string text) => text.Length <= 24 ? text : text[..24] + "…";
}
