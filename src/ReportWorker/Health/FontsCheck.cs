using Microsoft.Extensions.Diagnostics.HealthChecks;
using ReportWorker.Briefings;
using ReportWorker.Documents.Fonts;

namespace ReportWorker.Health;

/// <summary>
/// 字体: every role's font loads as the documents will load it (start-up has already checked that configured files
/// exist; loading also refuses CFF outlines and files that are not fonts). Missing fallbacks are skipped by the
/// documents too, so they are named, not judged.
/// </summary>
internal sealed class FontsCheck(DocumentFonts fonts) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct)
    {
        FontSet set;
        try { set = fonts.Set; }
        catch (Exception ex) when (ex is IOException or NotSupportedException or InvalidDataException or UnauthorizedAccessException)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy($"字体无法载入，通报和督办单无法生成：{HealthVerdict.OneLine(ex.Message)}。请检查 Documents:Fonts 设置。"));
        }
        var roles = Enum.GetValues<FontRole>().Select(r => $"{RoleName(r)} {Path.GetFileName(set.Faces[set.FaceOf(r)].Path)}");
        var skipped = fonts.Configuration.Fallbacks.Where(f => !File.Exists(f.Split('#')[0])).ToArray();
        return Task.FromResult(HealthCheckResult.Healthy(
            $"已载入：{string.Join("，", roles)}" + (skipped.Length == 0 ? "" : $"；备用字体 {string.Join("、", skipped)} 不存在，已跳过")));
    }

    private static string RoleName(FontRole role) => role switch
    {
        FontRole.Title => "标题",
        FontRole.Body => "正文",
        FontRole.Heading1 => "一级标题",
        FontRole.Heading2 => "二级标题",
        _ => "页码",
    };
}
