using Microsoft.Extensions.Configuration;

namespace ReportWorker.Hosting;

/// <summary>One settings file the worker read, and what it is for.</summary>
public sealed record SettingsFile(string Path, string Role);

/// <summary>
/// The site's own settings, kept outside the install folder so that a publish never overwrites them
/// and so that the service and every command an operator types read the same ones (and so the same
/// ledger), whatever the working directory and environment. The folder is <c>/etc/reportworker</c>, or
/// the one named by <c>REPORTWORKER_CONFIG</c>; it holds <c>appsettings.json</c> (the site's choices)
/// and <c>secrets.json</c> (passwords), which must not be readable by other users.
/// </summary>
public static class SiteSettings
{
    public const string FolderVariable = "REPORTWORKER_CONFIG";
    public const string DefaultFolder = "/etc/reportworker";
    public const string SettingsFileName = "appsettings.json";
    public const string SecretsFileName = "secrets.json";

    /// <summary>The site folder in use, or null: none configured and <see cref="DefaultFolder"/> absent.</summary>
    public static string? Folder()
    {
        var named = Environment.GetEnvironmentVariable(FolderVariable);
        // "none" lets tests and one-off runs ignore a machine's /etc/reportworker on purpose.
        if (string.Equals(named, "none", StringComparison.OrdinalIgnoreCase)) return null;
        if (!string.IsNullOrWhiteSpace(named))
        {
            var folder = Path.GetFullPath(named);
            if (File.Exists(folder))
                throw new SettingsFileException($"环境变量 {FolderVariable} 应指向设置目录，而不是文件 {folder}：请改为 {Path.GetDirectoryName(folder)}。");
            if (!Directory.Exists(folder))
                throw new SettingsFileException($"环境变量 {FolderVariable} 指向的设置目录 {folder} 不存在。请创建它并放入 {SettingsFileName}，或改正该变量。");
            return folder;
        }
        return Directory.Exists(DefaultFolder) ? DefaultFolder : null;
    }

    /// <summary>Adds the site folder's files after the defaults beside the program, and returns what was read.</summary>
    public static IReadOnlyList<SettingsFile> Add(IConfigurationBuilder configuration, string defaultsFile)
    {
        var files = new List<SettingsFile>();
        if (File.Exists(defaultsFile)) files.Add(new SettingsFile(defaultsFile, "默认值"));
        var folder = Folder();
        if (folder is null) return files;
        // Unreadable must not look like absent: a command run by the wrong user would quietly use the defaults, and another ledger.
        string[] present;
        try { present = Directory.GetFiles(folder).Select(Path.GetFileName).ToArray()!; }
        catch (UnauthorizedAccessException) { throw Unreadable(folder); }
        RefuseIfOthersCanWrite(folder);

        // Present by the folder's listing, not File.Exists: a folder that can be listed but not entered (0744) would say "absent".
        var settings = Path.Combine(folder, SettingsFileName);
        if (present.Contains(SettingsFileName))
        {
            RefuseIfOthersCanWrite(settings);
            RequireReadable(settings);
            configuration.AddJsonFile(settings, optional: false, reloadOnChange: false);
            files.Add(new SettingsFile(settings, "本机设置"));
        }
        else if (Environment.GetEnvironmentVariable(FolderVariable) is { Length: > 0 })
            throw new SettingsFileException($"设置目录 {folder}（环境变量 {FolderVariable}）中没有 {SettingsFileName}。");

        var secrets = Path.Combine(folder, SecretsFileName);
        if (present.Contains(SecretsFileName))
        {
            RefuseIfOthersCanRead(secrets);
            RequireReadable(secrets);
            configuration.AddJsonFile(secrets, optional: false, reloadOnChange: false);
            files.Add(new SettingsFile(secrets, "密码"));
        }
        return files;
    }

    /// <summary>True when <paramref name="path"/> is the site's secrets file, the one settings file a password may be in.</summary>
    public static bool IsSecretsFile(string? path) =>
        path is not null && Folder() is { } folder
        && string.Equals(Path.GetFullPath(path), Path.Combine(folder, SecretsFileName), StringComparison.Ordinal);

    private static void RequireReadable(string path)
    {
        try { using var _ = File.OpenRead(path); }
        catch (UnauthorizedAccessException) { throw Unreadable(path); }
    }

    private static SettingsFileException Unreadable(string path) => new(
        $"没有权限读取 {path}。设置和台账属于服务账户：请以它的身份运行命令，例如 sudo -u reportworker {CommandName.Value} jobs。");

    /// <summary>Whoever can change the settings can point Mail:Smtp:Host at their own server and collect the password.</summary>
    private static void RefuseIfOthersCanWrite(string path)
    {
        if (OperatingSystem.IsWindows()) return;
        UnixFileMode mode;
        try { mode = File.GetUnixFileMode(path); }
        catch (UnauthorizedAccessException) { throw Unreadable(path); }
        if ((mode & UnixFileMode.OtherWrite) != 0)
            throw new SettingsFileException(
                $"{path} 其他用户也能修改（权限 {Octal(mode)}）：任何人都能把邮件服务器改成自己的，骗取密码。请执行 chmod o-w {path} 后再启动。");
    }

    private static void RefuseIfOthersCanRead(string path)
    {
        if (OperatingSystem.IsWindows()) return;
        var mode = File.GetUnixFileMode(path);
        if ((mode & (UnixFileMode.OtherRead | UnixFileMode.OtherWrite)) != 0)
            throw new SettingsFileException(
                $"密码文件 {path} 其他用户也能读写（权限 {Octal(mode)}）。请执行 chmod 640 {path} 并 chown root:reportworker {path}，只让服务账户读取后再启动。");
    }

    private static string Octal(UnixFileMode mode) => Convert.ToString((int)mode & 0x1FF, 8).PadLeft(4, '0');
}

/// <summary>A settings file that cannot be used as it is (unreadable, malformed, exposed); its message says which and how to fix it.</summary>
public sealed class SettingsFileException(string message, Exception? inner = null) : Exception(message, inner);
