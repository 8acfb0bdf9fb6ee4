using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ReportWorker.Briefings;

/// <summary>
/// A configured role font that does not exist stops start-up with the key named. A relative path is
/// looked for where <see cref="DocumentFontsOptions.ToConfiguration"/> will look: under the content root.
/// </summary>
internal sealed class FontsValidator(IHostEnvironment environment) : IValidateOptions<DocumentFontsOptions>
{
    public ValidateOptionsResult Validate(string? name, DocumentFontsOptions o)
    {
        var failures = new List<string>();
        foreach (var (key, value) in new[] { ("Title", o.Title), ("Body", o.Body), ("Heading1", o.Heading1), ("Heading2", o.Heading2), ("Number", o.Number) })
            if (value.Length > 0 && !File.Exists(Path.GetFullPath(value.Split('#')[0], environment.ContentRootPath)))
                failures.Add($"{DocumentFontsOptions.SectionName}:{key} 指向的字体文件 {value} 不存在。请改正路径，或留空使用随程序附带的字体。");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
