using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.Options;

namespace ReportWorker.Intake;

/// <summary>
/// Stops start-up on a mailbox setting that would leak the password (plain IMAP to anything but this
/// machine, or the password written into a JSON settings file), or that cannot verify senders as asked.
/// </summary>
public sealed class MailboxOptionsValidator(IConfiguration configuration) : IValidateOptions<MailboxOptions>
{
    private const string Prefix = MailboxOptions.SectionName;

    public ValidateOptionsResult Validate(string? name, MailboxOptions options)
    {
        var failures = new List<string>();
        if (PasswordFile() is { } file)
            failures.Add($"{Prefix}:Password is set in {file}. Put the password in the environment variable Intake__Mailbox__Password or in user secrets (dotnet user-secrets set {Prefix}:Password ...), never in a settings file.");
        if (options.Enabled)
        {
            if (options.Security == MailboxSecurity.None && !IsLoopback(options.Host))
                failures.Add($"{Prefix}:Security must be SslOnConnect or StartTls for non-loopback host {options.Host}.");
            if (options.AcceptAnyCertificate && !IsLoopback(options.Host))
                failures.Add($"{Prefix}:AcceptAnyCertificate is only for a test server on this machine, not for {options.Host}: anyone in between could read the password.");
            if (options.UserName.Length == 0)
                failures.Add($"{Prefix}:UserName is required when {Prefix}:Host is set.");
            string[] folders = [options.Folder, options.ProcessedFolder, options.RejectedFolder, options.JournalFolder];
            if (folders.Distinct(StringComparer.OrdinalIgnoreCase).Count() != folders.Length)
                failures.Add($"{Prefix}:Folder, ProcessedFolder, RejectedFolder and JournalFolder must be four different folders.");
        }
        // An authserv-id is one token (RFC 8601 "value"), as the server writes it before the first ';' of its headers.
        if (options.AuthServId.Length > 0 && options.AuthServId.Any(c => char.IsWhiteSpace(c) || c is ';' or '"' or '(' or ')' or '='))
            failures.Add($"{Prefix}:AuthServId must be the receiving server's authserv-id as it appears before the first ';' of its Authentication-Results headers (e.g. mx.example.gov.cn), not \"{options.AuthServId}\".");
        if (options.SenderPolicy is SenderPolicy.Require && options.AuthServId.Length == 0)
            failures.Add($"{Prefix}:SenderPolicy is Require but {Prefix}:AuthServId is empty: set the receiving server's authserv-id, or use Warn or Off.");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    public static bool IsLoopback(string host)
    {
        if (string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)) return true;
        return IPAddress.TryParse(host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip);
    }

    private string? PasswordFile()
    {
        if (configuration is not IConfigurationRoot root) return null;
        foreach (var provider in root.Providers.OfType<JsonConfigurationProvider>())
            if (provider.TryGet($"{Prefix}:Password", out var value) && !string.IsNullOrEmpty(value) && !IsUserSecrets(provider))
                return provider.Source.Path;
        return null;
    }

    // The same rule as Delivery's SecretsNotInFileValidator: user secrets live outside the deployment.
    private static bool IsUserSecrets(JsonConfigurationProvider provider) =>
        provider.Source.Path is "secrets.json" && provider.Source.FileProvider is Microsoft.Extensions.FileProviders.PhysicalFileProvider p
        && p.Root.Contains("UserSecrets", StringComparison.OrdinalIgnoreCase);
}
