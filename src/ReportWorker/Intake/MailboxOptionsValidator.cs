using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using ReportWorker.Hosting;

namespace ReportWorker.Intake;

/// <summary>
/// Stops start-up on a mailbox setting that would leak the password (plain IMAP to anything but this
/// machine, or the password written into a JSON settings file), or that cannot verify senders as asked.
/// </summary>
public sealed class MailboxOptionsValidator(IConfiguration configuration) : IValidateOptions<MailboxOptions>
{
    private const string Prefix = MailboxOptions.SectionName;

    public ValidateOptionsResult Validate(string? name, MailboxOptions options)
    {
        var failures = new List<string>();
        if (PasswordFile() is { } file)
            failures.Add($"{Prefix}:Password 写在了 {file} 中。{SettingSource.SecretAdvice($"{Prefix}:Password")}");
        if (options.Enabled)
        {
            if (options.Security == MailboxSecurity.None && !IsLoopback(options.Host))
                failures.Add($"{Prefix}:Security 为 None，但邮箱服务器 {options.Host} 不在本机：密码会明文传输。请设为 SslOnConnect 或 StartTls。");
            if (options.AcceptAnyCertificate && !IsLoopback(options.Host))
                failures.Add($"{Prefix}:AcceptAnyCertificate 只能用于本机的测试服务器，不能用于 {options.Host}：中途任何人都能读到密码。请删除此项。");
            if (options.UserName.Length == 0)
                failures.Add($"已设置 {Prefix}:Host，但 {Prefix}:UserName 为空：请填写收件邮箱的登录名。");
            string[] folders = [options.Folder, options.ProcessedFolder, options.RejectedFolder, options.JournalFolder];
            if (folders.Distinct(StringComparer.OrdinalIgnoreCase).Count() != folders.Length)
                failures.Add($"{Prefix}:Folder、ProcessedFolder、RejectedFolder、JournalFolder 必须是四个不同的邮箱文件夹。");
        }
        // An authserv-id is one token (RFC 8601 "value"), as the server writes it before the first ';' of its headers.
        if (options.AuthServId.Length > 0 && options.AuthServId.Any(c => char.IsWhiteSpace(c) || c is ';' or '"' or '(' or ')' or '='))
            failures.Add($"{Prefix}:AuthServId 应为收信服务器的 authserv-id，即其 Authentication-Results 头中第一个“;”之前的那个词（例如 mx.example.gov.cn），而不是“{options.AuthServId}”。");
        if (options.SenderPolicy is SenderPolicy.Require && options.AuthServId.Length == 0)
            failures.Add($"{Prefix}:SenderPolicy 为 Require，但 {Prefix}:AuthServId 为空：请填写收信服务器的 authserv-id，或改用 Warn、Off。");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    public static bool IsLoopback(string host)
    {
        if (string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)) return true;
        return IPAddress.TryParse(host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip);
    }

    private string? PasswordFile() => SettingSource.PlainFileHolding(configuration, $"{Prefix}:Password");
}
