using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using ReportWorker.Hosting;

namespace ReportWorker.Delivery;

/// <summary>Stops start-up if the SMTP password was written into a plain settings file.</summary>
public sealed class SecretsNotInFileValidator(IConfiguration configuration) : IValidateOptions<MailOptions>
{
    private const string Key = "Mail:Smtp:Password";

    public ValidateOptionsResult Validate(string? name, MailOptions options) =>
        SettingSource.PlainFileHolding(configuration, Key) is { } file
            ? ValidateOptionsResult.Fail($"{Key} 写在了 {file} 中。{SettingSource.SecretAdvice(Key)}")
            : ValidateOptionsResult.Success;
}
