using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ReportWorker.Briefings;
using ReportWorker.Calendar;
using ReportWorker.Scheduling;
using ReportWorker.Text;
using ReportWorker.Periods;

namespace ReportWorker.Cli;

/// <summary><c>jobs</c> shows the schedule; <c>run JOB</c> runs one job now, through the same code the schedule uses.</summary>
internal static class JobsCommands
{
    public static Command Jobs()
    {
        var command = new Command("jobs", "列出各项定时任务、计划（cron）和下次运行时间（本地时间）");
        command.SetAction((parse, ct) => CommandLine.Execute((sp, _) =>
        {
            Console.Write(Render(sp));
            return Task.FromResult(0);
        }));
        return command;
    }

    internal static string Render(IServiceProvider sp)
    {
        var planner = sp.GetRequiredService<SchedulePlanner>();
        var calendar = sp.GetRequiredService<ReportingCalendar>();
        var runs = sp.GetRequiredService<JobRunStore>();
        var options = sp.GetRequiredService<IOptions<ScheduleOptions>>().Value;
        var mailbox = sp.GetRequiredService<IOptions<Intake.MailboxOptions>>().Value;
        var mailboxEnabled = mailbox.Enabled;
        var now = calendar.Now;
        var w = new StringWriter();
        if (RelayHeadline.For(sp) is { } relay) w.WriteLine(relay);
        // First, before anything else: a year without holiday data means every date below was planned by weekends alone.
        if (calendar.WorkingDays.Coverage(calendar.Today).Warning is { Length: > 0 } warning) w.WriteLine(warning);
        w.WriteLine($"现在 {now:yyyy-MM-dd HH:mm:ss}（{calendar.Zone.Id}）。节假日和调休按 {sp.GetRequiredService<HolidayCalendarFile>().DataFile}（见 calendar 命令）。");
        var review = sp.GetRequiredService<Hosting.ConfigurationReview>();
        w.WriteLine(review.WhereSettingsAndData() + "。");
        foreach (var note in review.Warnings()) w.WriteLine($"注意：{note}");
        var table = new ConsoleTable("任务", "说明", "计划（cron）", "遇节假日", "下次运行", "所属期", "上次运行");
        foreach (var job in sp.GetRequiredService<JobCatalog>().All)
        {
            var schedule = options.Jobs.GetValueOrDefault(job.Name);
            if (schedule is null || !schedule.Enabled) { table.Add(job.Name, job.Title, "（已停用）", "", "", "", ""); continue; }
            var next = planner.NextRun(job.Name, now);
            var last = runs.Last(job.Name);
            var idle = job is Intake.MailboxIntakeJob && !mailboxEnabled;
            table.Add(job.Name, job.Title + (idle ? "（未配置邮箱，跳过）" : ""), schedule.Cron, planner.WorkingDaysOnly(job.Name) ? "顺延至工作日" : "照常",
                next is { RunAt: var n } ? $"{n:yyyy-MM-dd} 周{"日一二三四五六"[(int)n.DayOfWeek]} {n:HH:mm:ss}{WeekendsOnly(planner, calendar, job.Name, n)}" : "无",
                next?.Period.Value ?? "",
                last is null ? "" : $"{last.Period} {Status(last.Status)} {calendar.ToLocal(DateTimeOffset.Parse(last.StartedAt, System.Globalization.CultureInfo.InvariantCulture)):MM-dd HH:mm}");
        }
        w.Write(table);
        return w.ToString();
    }

    public static Command Run()
    {
        var job = new Argument<string>("job") { Description = "任务名（见 jobs 命令），例如 forms、reminders、monthly-notice、quarterly-notice" };
        var month = CliOptions.Month(required: false);
        var quarter = new Option<string?>("--quarter") { Description = "季度，格式 YYYYQn（季督办）" };
        var date = new Option<string?>("--date") { Description = "日期，格式 YYYY-MM-DD（催报）" };
        var year = new Option<int?>("--year") { Description = "年度，例如 2025（年考核）" };
        var force = new Option<bool>("--force") { Description = "期间未到也强制运行：报表未截止的通报、未开始月份的报表、未到日期或报表未经本系统下发的催报" };
        var command = new Command("run", "立即运行一项任务（与定时运行走同一流程；已发过的邮件不会重发）") { job, month, quarter, date, year, force };
        command.SetAction((parse, ct) => CommandLine.Execute(async (sp, token) =>
        {
            var catalog = sp.GetRequiredService<JobCatalog>();
            var name = parse.GetValue(job)!;
            var scheduled = catalog.Find(name) ?? throw new CommandException(new UnknownJobException(name, catalog.Names).Message);
            var period = Period(sp, scheduled, parse.GetValue(month), parse.GetValue(quarter), parse.GetValue(date), parse.GetValue(year));
            var outcome = await sp.GetRequiredService<JobRunner>().RunAsync(scheduled, period, null, "operator", parse.GetValue(force), token);
            if (outcome.Refusal is { } refused) throw refused; // one 错误： line, like any command
            Console.WriteLine($"{scheduled.Title}（{name}{(period.Value.Length > 0 ? " " + period.Value : "")}）：{(outcome.Succeeded ? "完成" : "失败")}。{outcome.Summary}");
            return outcome.Succeeded ? 0 : 1;
        }));
        return command;
    }

    /// <summary>The period given on the command line, or the one the schedule would use now.</summary>
    private static JobPeriod Period(IServiceProvider sp, IScheduledJob job, string? month, string? quarter, string? date, int? year)
    {
        if (year is { } y && job.Period.Kind() == PeriodKind.Year) return JobPeriod.OfYear(y);
        var kind = job.Period.Kind();
        if (month is not null && kind == PeriodKind.Month) return JobPeriod.Of(CliOptions.ParseMonth(month));
        if (quarter is not null && kind == PeriodKind.Quarter)
            return Quarter.TryParse(quarter, out var q) ? JobPeriod.Of(q) : throw new CommandException($"季度“{quarter}”格式不对，应为 YYYYQn，例如 2025Q1。");
        if (date is not null && kind == PeriodKind.Day)
            return DateOnly.TryParseExact(date, "yyyy-MM-dd", out var d) ? JobPeriod.Of(d) : throw new CommandException($"日期“{date}”格式不对，应为 YYYY-MM-DD。");
        if (month is not null || quarter is not null || date is not null || year is not null)
            throw new CommandException(kind switch
            {
                PeriodKind.Month => $"任务 {job.Name} 按月运行，请用 --month YYYY-MM。",
                PeriodKind.Quarter => $"任务 {job.Name} 按季度运行，请用 --quarter YYYYQn。",
                PeriodKind.Day => $"任务 {job.Name} 按日运行，请用 --date YYYY-MM-DD。",
                PeriodKind.Year => $"任务 {job.Name} 按年度运行，请用 --year YYYY。",
                _ => $"任务 {job.Name} 不分期间，不需要 --month/--quarter/--date/--year。",
            });
        var planner = sp.GetRequiredService<SchedulePlanner>();
        var now = sp.GetRequiredService<TimeProvider>().GetUtcNow();
        // Reminders are about the day they go out: today, not the last morning the schedule fired.
        if (kind == PeriodKind.Day) return JobPeriod.Of(DateOnly.FromDateTime(sp.GetRequiredService<ReportingCalendar>().Now.DateTime));
        return kind == PeriodKind.None ? JobPeriod.None
            : planner.LatestOccurrence(job.Name, now) is { } occurrence ? planner.PeriodOf(job.Name, occurrence)
            : JobPeriod.For(job.Period, DateOnly.FromDateTime(sp.GetRequiredService<ReportingCalendar>().Now.DateTime));
    }

    /// <summary>Marks a next run that was moved (or not) off holidays the calendar does not know.</summary>
    private static string WeekendsOnly(SchedulePlanner planner, ReportingCalendar calendar, string job, DateTimeOffset runAt) =>
        planner.WorkingDaysOnly(job) && !calendar.WorkingDays.Covers(DateOnly.FromDateTime(runAt.DateTime)) ? "（仅按周末推算）" : "";

    private static string Status(string status) => status switch { "done" => "完成", "failed" => "失败", _ => "运行中" };
}
