using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;

namespace ReportWorker.Hosting;

/// <summary>
/// Says where each bad value came from. A validator knows the key ("Mail:MaxAttempts 应在 …") but not
/// whether it was set in /etc/reportworker/appsettings.json or in the unit file's Environment=, and
/// the operator must know which to edit.
/// </summary>
public static partial class SettingsProblems
{
    public static IEnumerable<string> WithSources(IConfiguration configuration, IEnumerable<string> problems) =>
        problems.Select(p => WithSource(configuration, p));

    public static string WithSource(IConfiguration configuration, string problem)
    {
        // Already says where (a password "写在了" a file names that file; the key's winning source may be another).
        if (problem.Contains("（来自 ", StringComparison.Ordinal) || problem.Contains("（在 ", StringComparison.Ordinal) || problem.Contains("写在了", StringComparison.Ordinal)) return problem;
        var key = LeadingKey().Match(problem);
        if (!key.Success) return problem;
        var source = SettingSource.Of(configuration, key.Value);
        if (source is not null && problem.Contains(source, StringComparison.Ordinal)) return problem; // it says where already
        var said = source is null ? "（未设置，用的是程序默认值）" : $"（来自 {source}）";
        return problem[..key.Length] + said + problem[key.Length..].TrimStart(' ');
    }

    /// <summary>"Mail:Smtp:Port" at the start of a message, or after 缺少/已设置 and the like is not matched (those name a key that is absent).</summary>
    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9_-]*(:[A-Za-z0-9_.-]+)+")]
    private static partial Regex LeadingKey();
}
