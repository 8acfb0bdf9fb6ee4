using System.ComponentModel.DataAnnotations;

namespace ReportWorker.Briefings;

/// <summary>
/// How the office signs its documents: an optional seal image (none by default: the signature is then laid out
/// for a document without a seal, GB/T 9704 7.3.5.2) and the contact printed as 附注 where a document asks its
/// reader to act and answer (督办单, the draft 考核反馈单).
/// </summary>
public sealed class SigningOptions
{
    public const string SectionName = "Documents:Signing";

    /// <summary>A PNG of the seal with a transparent background; relative paths are under the content root.</summary>
    public string SealImage { get; set; } = "";

    [Required(ErrorMessage = "Documents:Signing:ContactName 不能为空：督办单和考核反馈单的附注要写明联系人。")]
    public string ContactName { get; set; } = "";

    [Required(ErrorMessage = "Documents:Signing:ContactPhone 不能为空：督办单和考核反馈单的附注要写明联系电话。")]
    [RegularExpression(@"^[0-9０-９\-－ ()（）,，、转]{5,40}$", ErrorMessage = "Documents:Signing:ContactPhone 应为电话号码，如 0898-65300000。")]
    public string ContactPhone { get; set; } = "";
}
