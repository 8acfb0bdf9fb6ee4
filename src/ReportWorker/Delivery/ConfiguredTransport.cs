using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ReportWorker.Storage;

namespace ReportWorker.Delivery;

/// <summary>The transport the settings choose: SMTP when Mail:Smtp:Host is set, otherwise .eml files in the pickup folder.</summary>
public sealed class ConfiguredTransport(IOptions<MailOptions> options, DataPaths paths, ILogger<SmtpTransport> logger) : IMailTransport
{
    private readonly IMailTransport _inner = options.Value.Smtp.Host.Length > 0
        ? new SmtpTransport(options, logger)
        : new PickupFolderTransport(paths);

    public bool ResendIsHarmless => _inner.ResendIsHarmless;

    public IMailSession OpenSession() => _inner.OpenSession();
}
