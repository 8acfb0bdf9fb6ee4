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
        [Alert] = "发送异常提醒",
    };

    public static string Chinese(string kind) => Names.GetValueOrDefault(kind, kind);
}
