namespace ReportWorker.Delivery;

/// <summary>What each kind of outbox message is called where people read about it.</summary>
public static class MessageKinds
{
    public const string Alert = "alert";

    private static readonly Dictionary<string, string> Names = new()
    {
        ["receipt"] = "回执",
        ["rejection"] = "退回通知",
        ["form"] = "填报表",
        ["monthly-notice"] = "月通报",
        ["quarterly-notice"] = "季督办通报",
        ["supervision-slip"] = "督办单",
        ["reminder"] = "催报",
        ["job-failed"] = "定时任务失败提醒",
        ["calendar-expiring"] = "节假日数据到期提醒",
        ["no-attachment"] = "未附报表的退回",
        ["assessment-draft"] = "考核反馈单（初步结果）",
        ["assessment-final"] = "考核反馈单（最终结果）",
        ["assessment-notice"] = "考核结果通报",
        ["assessment-objection"] = "考核异议转办",
        ["assessment-objection-ack"] = "考核异议回执",
        [Alert] = "发送异常提醒",
    };

    public static string Chinese(string kind) => Names.GetValueOrDefault(kind, kind);

    /// <summary>Answers to mail a person sent (RFC 3834 "auto-replied"); everything else the worker sends is "auto-generated".</summary>
    public static bool IsAnswer(string kind) => kind is "receipt" or "rejection" or "no-attachment" or "assessment-objection-ack";

    /// <summary>Messages that ask the unit to send its form: a reply to them without a file most likely forgot the attachment.</summary>
    public static bool AsksForForm(string kind) => kind is "form" or "reminder" or "rejection" or "no-attachment";
}
