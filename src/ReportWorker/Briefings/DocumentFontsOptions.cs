using ReportWorker.Documents.Fonts;

namespace ReportWorker.Briefings;

/// <summary>
/// Fonts for the PDF documents. Empty role paths use the bundled Noto fonts; a deployment that owns
/// 方正小标宋 / 仿宋_GB2312 / 黑体 / 楷体 points the roles at them ("file.ttc#index" for a collection face).
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
