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
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(value, new ValidationContext(value), results, validateAllProperties: true);
        foreach (var r in results)
        {
            var member = r.MemberNames.FirstOrDefault();
            var where = member is null ? key : $"{key}:{member}";
            // The attribute's own text already names the key when it was written for a person; don't say it twice.
            failures.Add(r.ErrorMessage is { } m && m.Contains(where, StringComparison.Ordinal) ? m : $"{where}：{r.ErrorMessage}");
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

    /// <summary>Our own settings classes, not strings, numbers, enums or framework types.</summary>
    private static bool IsSettingsObject(object? value) =>
        value is not null && value.GetType() is { IsClass: true } type && type != typeof(string)
        && type.Namespace?.StartsWith("ReportWorker", StringComparison.Ordinal) == true;
}
