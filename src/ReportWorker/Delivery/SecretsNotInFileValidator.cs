using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.Options;

namespace ReportWorker.Delivery;

/// <summary>Stops start-up if the SMTP password was written into a JSON settings file.</summary>
public sealed class SecretsNotInFileValidator(IConfiguration configuration) : IValidateOptions<MailOptions>
{
    private const string Key = "Mail:Smtp:Password";

    public ValidateOptionsResult Validate(string? name, MailOptions options)
    {
        if (configuration is not IConfigurationRoot root) return ValidateOptionsResult.Success;
        foreach (var provider in root.Providers.OfType<JsonConfigurationProvider>())
            if (provider.TryGet(Key, out var value) && !string.IsNullOrEmpty(value) && !IsUserSecrets(provider))
                return ValidateOptionsResult.Fail(
                    $"{Key} is set in {provider.Source.Path}. Put the password in the environment variable Mail__Smtp__Password or in user secrets (dotnet user-secrets set {Key} ...), never in a settings file.");
        return ValidateOptionsResult.Success;
    }

    private static bool IsUserSecrets(JsonConfigurationProvider provider) =>
        provider.Source.Path is "secrets.json" && provider.Source.FileProvider is Microsoft.Extensions.FileProviders.PhysicalFileProvider p
        && p.Root.Contains("UserSecrets", StringComparison.OrdinalIgnoreCase);
}
