using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using ReportWorker.Documents.Components;

namespace ReportWorker.Briefings;

/// <summary>
/// The office's signature for every document it issues: the seal read once from <see cref="SigningOptions.SealImage"/>
/// (the documents themselves do no I/O) and the 附注 with the contact.
/// </summary>
public sealed class OfficeSigning(IOptions<SigningOptions> options, IHostEnvironment environment)
{
    private readonly Lazy<byte[]?> _seal = new(() =>
        options.Value.SealImage.Length == 0 ? null : File.ReadAllBytes(Path.GetFullPath(options.Value.SealImage, environment.ContentRootPath)));

    /// <summary>联系人：…，电话：… (printed in brackets under the date).</summary>
    public string Contact => $"联系人：{options.Value.ContactName}，电话：{options.Value.ContactPhone}";

    /// <summary>The signature block; with the contact as 附注 when the document asks for an answer.</summary>
    public Signature Sign(string organ, string date, bool asksForReply = false) =>
        new(organ, date) { Seal = _seal.Value, Note = asksForReply ? Contact : null };
}

/// <summary>A configured seal image that does not exist, or is not a PNG, stops start-up with the key named.</summary>
internal sealed class SigningValidator(IHostEnvironment environment) : IValidateOptions<SigningOptions>
{
    public ValidateOptionsResult Validate(string? name, SigningOptions o)
    {
        if (o.SealImage.Length == 0) return ValidateOptionsResult.Success;
        var path = Path.GetFullPath(o.SealImage, environment.ContentRootPath);
        if (!File.Exists(path)) return ValidateOptionsResult.Fail($"{SigningOptions.SectionName}:SealImage 指向的文件 {path} 不存在。不用印章的，把它留空。");
        Span<byte> head = stackalloc byte[8];
        using (var stream = File.OpenRead(path))
            if (stream.Read(head) < 8 || !head.SequenceEqual((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
                return ValidateOptionsResult.Fail($"{SigningOptions.SectionName}:SealImage（{path}）不是 PNG 图片：印章请用透明背景的 PNG。");
        return ValidateOptionsResult.Success;
    }
}
