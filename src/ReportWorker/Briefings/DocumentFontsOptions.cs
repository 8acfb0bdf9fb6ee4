using ReportWorker.Documents.Fonts;

namespace ReportWorker.Briefings;

/// <summary>
/// Fonts for the PDF documents. An empty role path uses the bundled font: Title Noto Serif SC Black (for
/// 小标宋), Body and Number Noto Serif SC Regular (no free 仿宋 covers simplified Chinese), Heading1 Noto Sans SC
/// (黑体), Heading2 WenKai GB2312 (楷体, cut from LXGW WenKai). A deployment that owns 方正小标宋 / 仿宋_GB2312 /
/// 黑体 / 楷体_GB2312 points the roles at them ("file.ttc#index" for a collection face); Body is the one most
/// worth setting.
/// Fallbacks are tried in order for characters a role's font lacks; missing files are skipped.
/// </summary>
public sealed class DocumentFontsOptions
{
    public const string SectionName = "Documents:Fonts";

    public string Title { get; set; } = "";
    public string Body { get; set; } = "";
    public string Heading1 { get; set; } = "";
    public string Heading2 { get; set; } = "";
    public string Number { get; set; } = "";
    public List<string> Fallbacks { get; set; } = [];

    public FontConfiguration ToConfiguration(string contentRoot)
    {
        var defaults = FontConfiguration.Default;
        string Pick(string configured, FontRole role) => configured.Length == 0 ? defaults.Roles[role] : Path.GetFullPath(configured, contentRoot);
        var roles = new Dictionary<FontRole, string>
        {
            [FontRole.Title] = Pick(Title, FontRole.Title),
            [FontRole.Body] = Pick(Body, FontRole.Body),
            [FontRole.Heading1] = Pick(Heading1, FontRole.Heading1),
            [FontRole.Heading2] = Pick(Heading2, FontRole.Heading2),
            [FontRole.Number] = Pick(Number, FontRole.Number),
        };
        return new FontConfiguration(roles, [.. Fallbacks.Select(f => Path.GetFullPath(f, contentRoot)), .. defaults.Fallbacks]);
    }
}
