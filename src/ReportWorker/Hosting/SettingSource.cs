using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.CommandLine;
using Microsoft.Extensions.Configuration.EnvironmentVariables;
using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.FileProviders;

namespace ReportWorker.Hosting;

/// <summary>
/// Where a setting came from, said so an operator can go and change it: the file's full path, or the
/// environment variable's name. A message that named "appsettings.json" for a value set in the unit
/// file's Environment= sent the operator to the wrong place.
/// </summary>
public static class SettingSource
{
    /// <summary>"/etc/reportworker/appsettings.json", "环境变量 Mail__Smtp__Host" … for the provider whose value wins; null if no provider has the key.</summary>
    public static string? Of(IConfiguration configuration, string key)
    {
        if (configuration is not IConfigurationRoot root) return null;
        foreach (var provider in root.Providers.Reverse())
            if (provider.TryGet(key, out _) || HasChildren(provider, key)) return Describe(provider, key);
        return null;
    }

    /// <summary>The full path of a JSON provider's file.</summary>
    public static string? FilePath(JsonConfigurationProvider provider) =>
        provider.Source.Path is null ? null
        : provider.Source.FileProvider is PhysicalFileProvider physical ? Path.Combine(physical.Root, provider.Source.Path)
        : provider.Source.Path;

    /// <summary>The stores a password may be kept in: user secrets on a developer's machine, the site's secrets file on a server.</summary>
    public static bool IsSecretStore(JsonConfigurationProvider provider) =>
        (provider.Source.Path is "secrets.json" && provider.Source.FileProvider is PhysicalFileProvider p
            && p.Root.Contains("UserSecrets", StringComparison.OrdinalIgnoreCase))
        || SiteSettings.IsSecretsFile(FilePath(provider));

    /// <summary>The first settings file (not a secret store) that holds a non-empty <paramref name="key"/>, or null.</summary>
    public static string? PlainFileHolding(IConfiguration configuration, string key)
    {
        if (configuration is not IConfigurationRoot root) return null;
        foreach (var provider in root.Providers.OfType<JsonConfigurationProvider>())
            if (provider.TryGet(key, out var value) && !string.IsNullOrEmpty(value) && !IsSecretStore(provider))
                return FilePath(provider);
        return null;
    }

    /// <summary>How to keep a password out of the settings files, for the messages that refuse one found there.</summary>
    public static string SecretAdvice(string key) =>
        $"密码不能写在普通设置文件里：请写入 {Path.Combine(SiteSettings.Folder() ?? SiteSettings.DefaultFolder, SiteSettings.SecretsFileName)}（仅服务账户可读，chmod 640），"
        + $"或环境变量 {key.Replace(":", "__", StringComparison.Ordinal)}，开发机上也可用 dotnet user-secrets set {key} …";

    private static bool HasChildren(IConfigurationProvider provider, string key)
    {
        try { return provider.GetChildKeys([], key).Any(); }
        catch (InvalidOperationException) { return false; }
    }

    private static string Describe(IConfigurationProvider provider, string key) => provider switch
    {
        JsonConfigurationProvider json => FilePath(json) ?? "设置文件",
        EnvironmentVariablesConfigurationProvider => $"环境变量 {key.Replace(":", "__", StringComparison.Ordinal)}",
        CommandLineConfigurationProvider => "命令行参数",
        _ => "程序内设置",
    };
}
