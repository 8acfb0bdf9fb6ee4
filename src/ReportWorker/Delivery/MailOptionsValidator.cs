using System.Net;
using System.Net.Mail;
using Microsoft.Extensions.Options;

namespace ReportWorker.Delivery;

/// <summary>Checks what data annotations cannot: the nested SMTP settings, the journal address, and settings that only make sense together.</summary>
public sealed class MailOptionsValidator : IValidateOptions<MailOptions>
{
    public ValidateOptionsResult Validate(string? name, MailOptions options)
    {
        var failures = new List<string>();
        var smtp = options.Smtp;
        Range(failures, "Mail:Smtp:Port", smtp.Port, 1, 65_535);
        Range(failures, "Mail:Smtp:TimeoutSeconds", smtp.TimeoutSeconds, 1, 600);
        Range(failures, "Mail:Smtp:ConnectRetries", smtp.ConnectRetries, 0, 10);
        Range(failures, "Mail:Smtp:RetryDelayMilliseconds", smtp.RetryDelayMilliseconds, 0, 60_000);
        if (smtp.Host.Length > 0 && smtp.Security is SmtpSecurity.None or SmtpSecurity.Auto && !IsLoopback(smtp.Host))
            failures.Add($"Mail:Smtp:Security 为 {smtp.Security}，但发信服务器 {smtp.Host} 不在本机，必须加密：请设为 StartTls 或 SslOnConnect（{(smtp.Security == SmtpSecurity.Auto ? "Auto 在服务器不支持 TLS 时会退回明文" : "None 只用于本机的转发服务")}）。");
        if (smtp.Host.Length > 0 && smtp.AcceptAnyCertificate && !IsLoopback(smtp.Host))
            failures.Add($"Mail:Smtp:AcceptAnyCertificate 只能用于本机的测试服务器，不能用于 {smtp.Host}：中途任何人都能读到密码。请删除此项。");
        if (options.JournalAddress.Length > 0 && !MailAddress.TryCreate(options.JournalAddress, out _))
            failures.Add($"Mail:JournalAddress“{options.JournalAddress}”不是电子邮件地址（不需要投递记录时留空）。");
        if (options.WriteToPickupFolder && smtp.Host.Length > 0)
            failures.Add($"Mail:WriteToPickupFolder 为 true（邮件只写入文件夹、不发出），但又设置了 Mail:Smtp:Host“{smtp.Host}”。要发信请删除 WriteToPickupFolder；只写文件夹请清空 Host。");
        if (options.AlertAfterAttempts > options.MaxAttempts)
            failures.Add($"Mail:AlertAfterAttempts（{options.AlertAfterAttempts}）不能大于 Mail:MaxAttempts（{options.MaxAttempts}），否则邮件已放弃后办公室才收到提醒。");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Range(List<string> failures, string key, int value, int min, int max)
    {
        if (value < min || value > max) failures.Add($"{key} 应在 {min} 到 {max} 之间，现为 {value}。");
    }

    private static bool IsLoopback(string host) =>
        host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || (IPAddress.TryParse(host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));
}
