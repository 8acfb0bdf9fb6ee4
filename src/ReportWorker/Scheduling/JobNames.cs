namespace ReportWorker.Scheduling;

/// <summary>The jobs the worker runs; the names are the keys under Schedule:Jobs and the argument of <c>run</c>.</summary>
public static class JobNames
{
    public const string Forms = "forms";
    public const string IntakeFolder = "intake-folder";
    public const string IntakeMailbox = "intake-mailbox";
    public const string Reminders = "reminders";
    public const string MonthlyNotice = "monthly-notice";
    public const string QuarterlyNotice = "quarterly-notice";
    public const string Outbox = "outbox";

    public static readonly IReadOnlyList<string> All = [Forms, IntakeFolder, IntakeMailbox, Reminders, MonthlyNotice, QuarterlyNotice, Outbox];

    public static string Describe(string job) => job switch
    {
        Forms => "下发月报表",
        IntakeFolder => "收取文件夹中的报表",
        IntakeMailbox => "收取邮箱中的报表",
        Reminders => "催报",
        MonthlyNotice => "月通报",
        QuarterlyNotice => "季督办",
        Outbox => "发送邮件",
        _ => job,
    };

    /// <summary>What a run is about. Continuous jobs (intake, outbox) have no period.</summary>
    public static PeriodKind PeriodOf(string job) => job switch
    {
        Forms or MonthlyNotice => PeriodKind.Month,
        QuarterlyNotice => PeriodKind.Quarter,
        Reminders => PeriodKind.Day,
        _ => PeriodKind.None,
    };
}

public enum PeriodKind { None, Day, Month, Quarter }
