using System.ComponentModel.DataAnnotations;
using System.Net.Mail;

namespace ReportWorker.Hosting;

/// <summary>
/// A bare e-mail address a relay would take (name@domain.tld), checked at start-up. The framework's
/// [EmailAddress] only looks for one '@', so "leader@localhost" or "a b@c" passed and failed at 3 a.m.
/// An empty value passes; [Required] says when it must not be empty.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class MailAddressAttribute : ValidationAttribute
{
    public override bool IsValid(object? value) => value is null or "" || (value is string text && IsAddress(text));

    public static bool IsAddress(string text) =>
        !text.Any(char.IsWhiteSpace)
        && MailAddress.TryCreate(text, out var address)
        && address.Address == text && address.DisplayName.Length == 0
        && address.Host.Contains('.', StringComparison.Ordinal) && !address.Host.EndsWith('.');

    public override string FormatErrorMessage(string name) => $"{name} 不是有效的电子邮件地址，应写成 name@example.gov.cn 的形式。";
}
