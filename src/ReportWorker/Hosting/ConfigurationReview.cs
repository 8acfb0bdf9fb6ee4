using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using ReportWorker.Briefings;
using ReportWorker.Calendar;
using ReportWorker.Delivery;
using ReportWorker.Intake;
using ReportWorker.Registry;
using ReportWorker.Storage;

namespace ReportWorker.Hosting;

/// <summary>
/// Settings that start but are probably not what the site meant: mail written to a folder nobody
/// reads, the sample's example.gov.cn addresses, no units, no task list for the year, the rehearsal
/// clock. None stops the worker (each is right for a demonstration); each is said at start-up and by
/// <c>jobs</c>, in words an operator can act on.
/// </summary>
public sealed class ConfigurationReview(
    IConfiguration configuration,
    IEnumerable<SettingsSection> sections,
    SettingsFiles files,
    DataPaths paths,
    IOptions<DataOptions> data,
    IOptions<MailOptions> mail,
    IOptions<OrganizationOptions> organization,
    IOptions<BriefingsOptions> briefings,
    IOptions<MailboxOptions> mailbox,
    RegistryStore registry,
    ReportingCalendar calendar,
    TimeProvider clock)
{
    /// <summary>"设置：/opt/…/appsettings.json（默认值）、/etc/reportworker/appsettings.json（本机设置）；数据：/var/lib/reportworker（SQLite）".</summary>
    public string WhereSettingsAndData()
    {
        var used = files.Files.Count == 0 ? "（无设置文件，全部为程序默认值）" : string.Join("、", files.Files.Select(f => $"{f.Path}（{f.Role}）"));
        var database = data.Value.Provider == DatabaseProvider.Postgres ? "PostgreSQL " + PostgresTarget() : $"SQLite {paths.DatabaseFile}";
        var site = files.Files.Any(f => f.Role != "默认值") ? ""
            : $"。未使用本机设置目录（{SiteSettings.DefaultFolder} 或环境变量 {SiteSettings.FolderVariable}）";
        return $"设置：{used}；数据目录：{paths.Root}；台账：{database}{site}";
    }

    /// <summary>Every warning, each a complete sentence that says what to do.</summary>
    public IReadOnlyList<string> Warnings()
    {
        var warnings = new List<string>();
        var m = mail.Value;
        if (m.UsesPickupFolder && !m.WriteToPickupFolder)
            warnings.Add($"邮件不会发出：Mail:Smtp:Host 为空，所有邮件只写入 {paths.Outbox}。正式运行请填写 Mail:Smtp:Host；若有意只写文件夹（演示、试运行），请设置 Mail:WriteToPickupFolder 为 true。");
        if (InsideProgramFolder(paths.Root))
            warnings.Add($"数据目录 {paths.Root} 在程序目录 {AppContext.BaseDirectory.TrimEnd('/')} 之内：换新版本时整个程序目录可能被替换，台账和收到的报表原件会随之丢失。请在 {SiteSettings.Folder() ?? SiteSettings.DefaultFolder}/appsettings.json 中把 Data:Root 设到程序目录之外（如 /var/lib/reportworker）。");
        var placeholders = PlaceholderSettings().ToArray();
        if (placeholders.Length > 0)
            warnings.Add($"以下设置还是示例地址，邮件会发往不存在的域名：{string.Join("、", placeholders)}。请改成本单位的真实地址。");
        var units = registry.Units();
        if (units.Count == 0)
            warnings.Add($"单位名录是空的：不会下发报表，也无法登记收到的报表。请运行 {CommandName.Value} import units 单位名录.xlsx。");
        else if (units.Count(u => u.Liaisons.Any(l => IsPlaceholder(l.Email))) is var sample and > 0)
            warnings.Add($"单位名录中有 {sample} 个单位的联络员邮箱还是示例地址（example 等域名），报表会发往不存在的地址。请用真实名录重新运行 {CommandName.Value} import units。");
        var year = calendar.Now.Year;
        if (!registry.HasList(year))
            warnings.Add($"{year}年度任务清单还没有导入，本年的报表下发和通报都会被拒绝。请运行 {CommandName.Value} import tasks 清单文件 --year {year}。");
        if (clock is RehearsalClock rehearsal)
            warnings.Add($"正在使用演练时钟（Clock:SimulatedStart）：模拟时间 {calendar.Now:yyyy-MM-dd HH:mm}，{rehearsal.Speed} 倍速。正式运行前请删除 Clock 设置。");
        warnings.AddRange(EnvironmentTypos());
        if (SenderCheck.NotVerifiedWarning(mailbox.Value) is { } senders) warnings.Add(senders.Replace("注意：", "", StringComparison.Ordinal));
        return warnings;
    }

    /// <summary>
    /// Our settings that came from environment variables. The service's unit file can set them, but an
    /// operator's shell does not have them, so a command typed there would read another database.
    /// </summary>
    public IReadOnlyList<string> FromEnvironmentOnly() =>
        sections.Where(s => !s.Path.Contains(':', StringComparison.Ordinal))
            .SelectMany(s => configuration.GetSection(s.Path).Leaves())
            .Where(key => !key.Path.EndsWith("Password", StringComparison.OrdinalIgnoreCase)
                && SettingSource.Of(configuration, key.Path) is { } source && source.StartsWith("环境变量", StringComparison.Ordinal))
            .Select(key => key.Path.Replace(":", "__", StringComparison.Ordinal))
            .ToArray();

    /// <summary>
    /// Environment variables meant for us but read by nobody: "Maill__Smtp__Host" (a section that does not exist) or
    /// "Mail_Smtp_Host" (one underscore). The environment holds everyone's variables, so these are warnings, not errors.
    /// </summary>
    private IEnumerable<string> EnvironmentTypos()
    {
        var known = sections.Select(s => s.Path.Split(':')[0]).Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
        foreach (var name in Environment.GetEnvironmentVariables().Keys.OfType<string>().Order(StringComparer.Ordinal))
        {
            var doubled = name.IndexOf("__", StringComparison.Ordinal);
            if (doubled > 0)
            {
                var first = name[..doubled];
                if (!known.Contains(first, StringComparer.OrdinalIgnoreCase) && NearestName.Find(first, known) is { } near)
                    yield return $"环境变量 {name} 没有被读取：{first} 不是本程序的设置节，是不是 {near}？";
            }
            else if (known.FirstOrDefault(k => name.Length > k.Length + 1 && name.StartsWith(k + "_", StringComparison.OrdinalIgnoreCase)) is { } section)
                yield return $"环境变量 {name} 没有被读取：各级之间要用两个下划线，例如 {section}__{name[(section.Length + 1)..].Replace("_", "__", StringComparison.Ordinal)}。";
        }
    }


    private static bool InsideProgramFolder(string folder) =>
        Path.GetFullPath(folder).StartsWith(Path.GetFullPath(AppContext.BaseDirectory), StringComparison.Ordinal);

    private IEnumerable<string> PlaceholderSettings()
    {
        if (IsPlaceholder(organization.Value.OperatorEmail)) yield return $"Organization:OperatorEmail（{organization.Value.OperatorEmail}）";
        if (IsPlaceholder(mail.Value.FromAddress)) yield return $"Mail:FromAddress（{mail.Value.FromAddress}）";
        if (IsPlaceholder(mail.Value.JournalAddress)) yield return $"Mail:JournalAddress（{mail.Value.JournalAddress}）";
        if (IsPlaceholderHost(mail.Value.Smtp.Host)) yield return $"Mail:Smtp:Host（{mail.Value.Smtp.Host}）";
        if (IsPlaceholderHost(mailbox.Value.Host)) yield return $"Intake:Mailbox:Host（{mailbox.Value.Host}）";
        var leaders = briefings.Value.Leaders.Select((l, i) => (l, i)).Where(x => IsPlaceholder(x.l.Email)).ToArray();
        if (leaders.Length > 0) yield return $"Briefings:Leaders 中 {leaders.Length} 位领导的邮箱（如 {leaders[0].l.Email}）";
    }

    private string PostgresTarget()
    {
        try
        {
            var b = new Npgsql.NpgsqlConnectionStringBuilder(data.Value.ConnectionString);
            return $"{b.Host}:{b.Port}/{b.Database}";
        }
        catch (ArgumentException) { return "（连接字符串无法解析）"; }
    }

    /// <summary>An address at a domain reserved for examples and tests (RFC 2606, RFC 6761): example.gov.cn, x.test, y.invalid.</summary>
    public static bool IsPlaceholder(string address) =>
        address.LastIndexOf('@') is var at and >= 0 && IsPlaceholderHost(address[(at + 1)..]);

    private static bool IsPlaceholderHost(string host)
    {
        if (host.Length == 0) return false;
        var labels = host.TrimEnd('.').ToLowerInvariant().Split('.');
        return labels.Contains("example") || labels[^1] is "test" or "invalid" or "example" or "localhost" && labels.Length > 1;
    }
}
