using System.Collections;
using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.Extensions.Options;

namespace ReportWorker.Hosting;

/// <summary>
/// DataAnnotations over a settings object and everything below it (nested sections, list and
/// dictionary items), each failure named by its configuration key, e.g. <c>Briefings:Leaders:0:Email</c>.
/// The stock validator stops at the top level, so a bad leader address or cluster interval passed silently.
/// </summary>
public sealed class NestedDataAnnotations<T>(string section) : IValidateOptions<T> where T : class
{
    public ValidateOptionsResult Validate(string? name, T options)
    {
        var failures = new List<string>();
        Walk(options, section, failures, depth: 0);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Walk(object value, string key, List<string> failures, int depth)
    {
        if (depth > 8) return;
        foreach (var property in value.GetType().GetProperties())
        {
            if (property.GetIndexParameters().Length > 0 || !property.CanRead) continue;
            var where = $"{key}:{property.Name}";
            var current = property.GetValue(value);
            foreach (var rule in property.GetCustomAttributes(typeof(ValidationAttribute), inherit: true).Cast<ValidationAttribute>())
                if (!rule.IsValid(current)) failures.Add(Message(rule, where, current));
        }
        foreach (var property in value.GetType().GetProperties())
        {
            if (property.GetIndexParameters().Length > 0 || !property.CanRead) continue;
            var child = property.GetValue(value);
            var childKey = $"{key}:{property.Name}";
            switch (child)
            {
                case null or string: break;
                case IDictionary map:
                    foreach (DictionaryEntry e in map)
                        if (IsSettingsObject(e.Value)) Walk(e.Value!, $"{childKey}:{e.Key}", failures, depth + 1);
                    break;
                case IEnumerable items:
                    var i = 0;
                    foreach (var item in items)
                    {
                        if (IsSettingsObject(item)) Walk(item!, $"{childKey}:{i.ToString(CultureInfo.InvariantCulture)}", failures, depth + 1);
                        i++;
                    }
                    break;
                default:
                    if (IsSettingsObject(child)) Walk(child, childKey, failures, depth + 1);
                    break;
            }
        }
    }

    /// <summary>
    /// The attribute's own text when it was written for a person (it names the key); otherwise one in
    /// Chinese, with the value found, instead of the framework's English ("The field X is required").
    /// </summary>
    private static string Message(ValidationAttribute rule, string where, object? value)
    {
        if (!string.IsNullOrEmpty(rule.ErrorMessage))
        {
            var text = rule.FormatErrorMessage(where);
            return text.Contains(where, StringComparison.Ordinal) ? text : $"{where}：{text}";
        }
        var shown = value is null or "" ? "空" : $"“{value}”";
        return rule switch
        {
            RequiredAttribute => $"{where} 不能为空。",
            MailAddressAttribute => $"{where} 的值{shown}不是有效的电子邮件地址，应写成 name@example.gov.cn 的形式。",
            RangeAttribute r => $"{where} 应在 {r.Minimum} 到 {r.Maximum} 之间，现为 {shown}。",
            MinLengthAttribute m => $"{where} 至少要有 {m.Length} 项。",
            MaxLengthAttribute m => $"{where} 最多 {m.Length} 项。",
            RegularExpressionAttribute => $"{where} 的值{shown}格式不对。",
            _ => $"{where} 的值{shown}不符合要求。",
        };
    }

    /// <summary>Our own settings classes, not strings, numbers, enums or framework types.</summary>
    private static bool IsSettingsObject(object? value) =>
        value is not null && value.GetType() is { IsClass: true } type && type != typeof(string)
        && type.Namespace?.StartsWith("ReportWorker", StringComparison.Ordinal) == true;
}
