using Microsoft.Extensions.Options;
using ReportWorker.Calendar;
using ReportWorker.Delivery;
using ReportWorker.Hosting;
using ReportWorker.Ledger;
using ReportWorker.Registry;
using ReportWorker.Storage;
using ReportWorker.Text;
using ReportWorker.Periods;

namespace ReportWorker.Forms;

public sealed record GeneratedForm(Unit Unit, ReportMonth Month, string Path, int TaskCount, bool Queued);

/// <summary>Builds each unit's form for a month from the ledger, writes it, and optionally queues it by e-mail.</summary>
public sealed class FormService(
    TaskBooks books,
    SubmissionStore submissions,
    FormLayoutProvider layouts,
    LiquidTemplates templates,
    EmailTemplates email,
    OutboxStore outbox,
    ReportingCalendar calendar,
    DataPaths paths,
    IOptions<RegistryOptions> registryOptions,
    IOptions<OrganizationOptions> organization,
    IOptions<MailOptions> mail)
{
    /// <summary>
    /// Writes each unit's form for the month, and with <paramref name="send"/> queues it. Refused
    /// (<see cref="PeriodNotOpenException"/>) for a month not yet begun unless <paramref name="force"/>d:
    /// a mistyped month would otherwise go out to every unit.
    /// </summary>
    public IReadOnlyList<GeneratedForm> Generate(ReportMonth month, string? unitCode, string? outFolder, bool send, bool force = false, bool resend = false)
    {
        // A resend goes to one unit at its liaisons as they are now (after a corrected address, a mailbox that lost it),
        // under a key of its own, marked as a resend; the month's form queued before stays as it was.
        if (resend && (unitCode is null || !send))
            throw new ArgumentException("--resend 只用于给一个单位重发报表：请同时写 --send 和 --unit 单位代码，例如 forms --month 2025-03 --send --unit U02 --resend。");
        if (!HasBegun(month) && !force)
            throw new PeriodNotOpenException(
                $"{month.ToChinese()}的月报表现在还不能下发：该月{ReportingCalendar.Chinese(month.FirstDay)}才开始（今天是{ReportingCalendar.Chinese(DateOnly.FromDateTime(calendar.Now.DateTime))}）。" +
                "请检查 --month 是否写错；确需提前下发的，加 --force。", Start(month));
        var index = books.Require(month, "月报表", $"run forms --month {month}", force);
        var units = index.Units.Where(u => unitCode is null || u.Code == unitCode).ToArray();
        if (unitCode is not null && units.Length == 0) throw new ArgumentException($"Unit '{unitCode}' is not in the registry (import units first).");
        var folder = outFolder ?? Path.Combine(paths.Forms, month.ToString());
        Directory.CreateDirectory(folder);
        // Each form is built and written on every core (a form shares nothing with another); the e-mails are then
        // queued in batches, so 10,000 forms do not wait on 10,000 commits.
        var written = new (Unit Unit, FormModel Model, string Path, string FileName)[units.Length];
        Cores.For(units.Length, n =>
        {
            var unit = units[n];
            var model = Model(unit, month, index.TasksOf(unit.Code).ToArray());
            var fileName = FileName(unit, month);
            var path = Path.Combine(folder, fileName);
            AtomicFile.Write(path, s => FormWriter.Write(s, model, layouts.Current));
            written[n] = (unit, model, path, fileName);
        });
        string Key(Unit unit) => resend ? $"{FormKey(unit, month)}/resend-{outbox.CountQueued($"{FormKey(unit, month)}/resend-") + 1}" : FormKey(unit, month);
        var keys = written.ToDictionary(w => w.Unit.Code, w => Key(w.Unit));
        var queued = send ? outbox.EnqueueAll(written.Select(w => Message(w.Unit, month, w.Model, w.Path, w.FileName, keys[w.Unit.Code], resend))) : new HashSet<string>();
        return written.Select(w => new GeneratedForm(w.Unit, month, w.Path, w.Model.Rows.Count, queued.Contains(keys[w.Unit.Code]))).ToArray();
    }

    /// <summary>Whether the month has begun in the committee's time zone: forms go out for the present or the past.</summary>
    public bool HasBegun(ReportMonth month) => calendar.Now >= Start(month);

    /// <summary>Whether this worker ever queued a form of the month to any unit (a reminder presupposes one).</summary>
    public bool WereSent(ReportMonth month) => outbox.AnyQueued($"form/{month}/");

    private DateTimeOffset Start(ReportMonth month)
    {
        var midnight = month.FirstDay.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(midnight, calendar.Zone.GetUtcOffset(midnight));
    }

    public static string FileName(Unit unit, ReportMonth month) => $"{month}_{unit.Code}_{Intake.Archive.SafeName(unit.ShortName)}_月报表.xlsx";

    public FormModel Model(Unit unit, ReportMonth month, IReadOnlyList<TaskItem> tasks) =>
        Model(unit, month, tasks, submissions.LatestBefore(unit.Code, month));

    /// <summary>
    /// The form for a unit and month, pre-filled with the unit's <paramref name="previous"/> answers for the
    /// same task (by id), or, for a task the new year's list says carries on an earlier one, that one's.
    /// A code the new list reuses for other work starts empty. Carried-over tasks say so in their category.
    /// </summary>
    public FormModel Model(Unit unit, ReportMonth month, IReadOnlyList<TaskItem> tasks, IReadOnlyDictionary<long, ReportEntry> previous)
    {
        var layout = layouts.Current;
        var categories = registryOptions.Value.Categories;
        var rows = tasks.Where(t => t.Involves(unit.Code)).Select(t =>
        {
            if (!previous.TryGetValue(t.Id, out var last) && t.Continues is { } earlier) previous.TryGetValue(earlier, out last);
            // A continued task starts the year open: last year's 已完成 would close it before anyone reported.
            if (last is not null && last.TaskId != t.Id && last.Status == ReportStatus.Completed) last = null;
            var category = categories.TryGetValue(t.Category, out var c) ? $"{t.Category} {c}" : t.Category;
            return new FormRow(t.Code, t.CarriedOver ? $"{TaskItem.CarriedOverLabel}（{t.Year}年）{category}" : category,
                t.Content, t.LeadUnit == unit.Code ? layout.Roles["lead"] : layout.Roles["co"], t.DueText,
                last?.Status ?? "", last?.Percent, last?.Progress ?? "", last?.Problems ?? "", last?.NextSteps ?? "");
        }).ToArray();
        var values = TextValues(unit, month);
        return new FormModel(unit.Code, unit.Name, month.ToString(),
            templates.RenderText(layout.Title, values), templates.RenderText(layout.Info, values), templates.RenderText(layout.Note, values),
            layout.Instructions.Select(line => templates.RenderText(line, values)).ToArray(), rows);
    }

    private static string FormKey(Unit unit, ReportMonth month) => $"form/{month}/{unit.Code}";

    private OutgoingMessage Message(Unit unit, ReportMonth month, FormModel model, string path, string fileName, string key, bool resend)
    {
        var values = TextValues(unit, month);
        var (subject, html, text) = email.Render("form", new { values.UnitName, values.MonthCn, values.Due, TaskCount = model.Rows.Count, FileName = fileName, values.ReplyTo, values.Office, Resend = resend });
        return new OutgoingMessage(key, "form", unit.Code,
            unit.Liaisons.Select(l => new Recipient(l.Name, l.Email)).ToArray(), subject, html, text,
            [new Attachment(fileName, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", File.ReadAllBytes(path))]);
    }

    private FormTextValues TextValues(Unit unit, ReportMonth month) => new(
        unit.Name, unit.Code, month.ToChinese(), ReportingCalendar.Chinese(calendar.DueAt(month)),
        organization.Value.ShortName, organization.Value.Office, mail.Value.FromAddress);

    private sealed record FormTextValues(string UnitName, string UnitCode, string MonthCn, string Due, string OrgShort, string Office, string ReplyTo);
}
