using System.Collections;
using System.ComponentModel;
using System.Globalization;
using System.Reflection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Json;

namespace ReportWorker.Hosting;

/// <summary>
/// Reads the settings as the operator wrote them, before anything is bound: a key no section has
/// ("DueDya", "WorkingDayOnly") would otherwise be ignored in silence, and a value of the wrong kind
/// would stop start-up with the binder's English. Each problem names the key, where it was set, and
/// the nearest known key or the allowed values.
/// </summary>
public static class SettingsChecker
{
    /// <summary>Top-level sections that belong to the framework, not to us; their keys are not checked.</summary>
    private static readonly string[] FrameworkSections = ["Logging", "AllowedHosts"];

    public static IReadOnlyList<string> Check(IConfiguration configuration, IReadOnlyCollection<SettingsSection> sections)
    {
        var problems = new List<string>();
        var checker = new Walk(configuration, sections, problems);
        checker.Roots();
        foreach (var section in sections) checker.Object(configuration.GetSection(section.Path), section.Shape);
        checker.Containers();
        checker.LogLevels();
        return problems;
    }

    /// <summary>Throws <see cref="InvalidSettingsException"/> listing every problem, if there is one.</summary>
    public static void ThrowIfInvalid(IConfiguration configuration, IReadOnlyCollection<SettingsSection> sections)
    {
        var problems = Check(configuration, sections);
        if (problems.Count > 0) throw new InvalidSettingsException(problems);
    }

    private sealed class Walk(IConfiguration configuration, IReadOnlyCollection<SettingsSection> sections, List<string> problems)
    {
        private readonly HashSet<string> _registered = sections.Select(s => s.Path).ToHashSet(StringComparer.OrdinalIgnoreCase);

        /// <summary>
        /// The top level, from the settings files only: the environment holds PATH, HOME and the like,
        /// which are not ours to judge. A section name no feature reads is a typo ("Maill").
        /// </summary>
        public void Roots()
        {
            var known = sections.Select(s => s.Path.Split(':')[0]).Concat(FrameworkSections).Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
            if (configuration is not IConfigurationRoot root) return;
            foreach (var file in root.Providers.OfType<JsonConfigurationProvider>())
                foreach (var key in file.GetChildKeys([], null).Distinct(StringComparer.OrdinalIgnoreCase))
                    if (!known.Contains(key, StringComparer.OrdinalIgnoreCase) && !IsOthers(key))
                        problems.Add($"{key}（在 {SettingSource.FilePath(file)} 中）不是本程序的设置节{(NearestName.Hint(key, known) is { Length: > 0 } hint ? hint : "。")}可用的设置节：{string.Join("、", known.Except(FrameworkSections))}。");
        }

        /// <summary>The OpenTelemetry SDK's own OTEL_* keys (the collector's token may well sit in secrets.json), and an editor's $schema.</summary>
        private static bool IsOthers(string key) =>
            key.StartsWith("OTEL_", StringComparison.OrdinalIgnoreCase) || key == "$schema";

        /// <summary>
        /// Logging:LogLevel:* and Logging:Console:LogLevel:*: the framework reads them, but a mistyped level
        /// ("Informational") stops it with an English exception that names no key.
        /// </summary>
        public void LogLevels()
        {
            foreach (var leaf in configuration.GetSection("Logging").Leaves())
            {
                var parent = leaf.Path.Split(':') is { Length: >= 3 } parts ? parts[^2] : "";
                if (!parent.Equals("LogLevel", StringComparison.OrdinalIgnoreCase) || leaf.Value is not { Length: > 0 } level) continue;
                if (!Converts(level, typeof(Microsoft.Extensions.Logging.LogLevel)))
                    problems.Add(WrongKind(leaf, typeof(Microsoft.Extensions.Logging.LogLevel)));
            }
        }


        /// <summary>Sections like Documents that hold only other registered sections (Documents:Fonts, Documents:Signing).</summary>
        public void Containers()
        {
            var containers = sections.SelectMany(s => Prefixes(s.Path)).Where(p => !_registered.Contains(p)).Distinct(StringComparer.OrdinalIgnoreCase);
            foreach (var container in containers)
            {
                var known = ChildSections(container).ToArray();
                foreach (var child in configuration.GetSection(container).GetChildren())
                    if (!known.Contains(child.Key, StringComparer.OrdinalIgnoreCase)) Unknown(child, known);
            }
        }

        public void Object(IConfigurationSection section, Type shape)
        {
            var properties = Properties(shape);
            var known = properties.Select(p => p.Name).Concat(ChildSections(section.Path)).ToArray();
            foreach (var child in section.GetChildren())
            {
                if (_registered.Contains(child.Path)) continue; // checked as a section of its own
                var property = properties.FirstOrDefault(p => string.Equals(p.Name, child.Key, StringComparison.OrdinalIgnoreCase));
                if (property is null)
                {
                    if (!IsPrefixOfRegistered(child.Path)) Unknown(child, known);
                    continue;
                }
                Value(child, property.PropertyType);
            }
        }

        private void Value(IConfigurationSection section, Type type)
        {
            var t = Nullable.GetUnderlyingType(type) ?? type;
            var hasChildren = section.GetChildren().Any();
            if (t == typeof(string) || t.IsPrimitive || t.IsEnum || t == typeof(decimal) || t == typeof(TimeSpan) || t == typeof(DateTimeOffset) || t == typeof(TimeOnly))
            {
                if (hasChildren) problems.Add($"{section.Path}（{Where(section.Path)}）应是一个值，而不是一组设置。");
                else if (section.Value is { Length: > 0 } text && !Converts(text, t)) problems.Add(WrongKind(section, t));
                // An empty Environment= line or "Port": "": the binder cannot make a number of nothing, and says so in English.
                else if (section.Value is "" && t != typeof(string) && Nullable.GetUnderlyingType(type) is null) problems.Add(Empty(section, t));
                return;
            }
            // "Smtp": "smtp.x.cn" where a group belongs: the binder ignores the value without a word.
            if (section.Value is { Length: > 0 } single)
            {
                problems.Add($"{section.Path} 的值“{single}”（{Where(section.Path)}）应是一组设置（JSON 中的 {{ … }} 或 [ … ]），而不是一个值。");
                return;
            }
            if (ItemType(t, out var keyed, out var item))
            {
                foreach (var child in section.GetChildren())
                {
                    if (!keyed && !int.TryParse(child.Key, NumberStyles.None, CultureInfo.InvariantCulture, out _))
                    {
                        problems.Add($"{child.Path}（{Where(child.Path)}）：{section.Path} 是一个列表，其中各项应按 0、1、2 … 编号（JSON 中写成 [ … ]）。");
                        continue;
                    }
                    Value(child, item);
                }
                return;
            }
            if (t.IsClass) Object(section, t);
        }

        private void Unknown(IConfigurationSection key, IReadOnlyCollection<string> known)
        {
            var parent = key.Path[..Math.Max(0, key.Path.LastIndexOf(':'))];
            var near = NearestName.Find(key.Key, known);
            var hint = near is not null ? $"，是不是 {parent}:{near}？" : "。";
            var list = known.Count is > 0 and <= 12 ? $"本节可用的设置：{string.Join("、", known)}。" : "";
            problems.Add($"{key.Path}（{Where(key.Path)}）不是已知的设置{hint}{list}");
        }

        private string WrongKind(IConfigurationSection section, Type t) =>
            $"{section.Path} 的值“{section.Value}”（{Where(section.Path)}）{(t.IsEnum ? "不是可选值之一" : "不对")}，应为{Expected(t)}。";

        private string Empty(IConfigurationSection section, Type t) =>
            $"{section.Path}（{Where(section.Path)}）不能留空，应为{Expected(t)}。";

        private static string Expected(Type t) =>
            t.IsEnum ? $"以下之一：{string.Join("、", Enum.GetNames(t))}"
            : t == typeof(bool) ? " true 或 false"
            : t == typeof(int) || t == typeof(long) || t == typeof(short) ? "整数"
            : t == typeof(double) || t == typeof(float) || t == typeof(decimal) ? "数字"
            : t == typeof(TimeSpan) ? "时长，如 00:30:00"
            : t == typeof(DateTimeOffset) ? "日期时间，如 2025-03-24T20:00:00+08:00"
            : t == typeof(TimeOnly) ? "时刻，如 17:00"
            : t.Name;

        private string Where(string key) => SettingSource.Of(configuration, key) is { } source ? $"来自 {source}" : "来源不明";

        private IEnumerable<string> ChildSections(string path) =>
            sections.Select(s => s.Path).Where(p => p.StartsWith(path + ":", StringComparison.OrdinalIgnoreCase))
                .Select(p => p[(path.Length + 1)..].Split(':')[0]).Distinct(StringComparer.OrdinalIgnoreCase);

        private bool IsPrefixOfRegistered(string path) => _registered.Any(r => r.StartsWith(path + ":", StringComparison.OrdinalIgnoreCase));

        private static IEnumerable<string> Prefixes(string path)
        {
            var parts = path.Split(':');
            for (var i = 1; i < parts.Length; i++) yield return string.Join(':', parts[..i]);
        }
    }

    private static PropertyInfo[] Properties(Type shape) =>
        shape.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0 && (p.CanWrite || IsCollection(p.PropertyType))).ToArray();

    private static bool IsCollection(Type t) => t != typeof(string) && typeof(IEnumerable).IsAssignableFrom(t);

    /// <summary>A dictionary's value type (keyed) or a list's item type.</summary>
    private static bool ItemType(Type t, out bool keyed, out Type item)
    {
        keyed = false;
        item = typeof(object);
        if (t.IsArray) { item = t.GetElementType()!; return true; }
        if (!t.IsGenericType || !IsCollection(t)) return false;
        var arguments = t.GetGenericArguments();
        keyed = arguments.Length == 2;
        item = arguments[^1];
        return true;
    }

    /// <summary>As the configuration binder converts: enums by name (case ignored), the rest by the type's converter.</summary>
    private static bool Converts(string text, Type t)
    {
        if (t == typeof(string)) return true;
        if (t.IsEnum)
        {
            // By name only, as the README lists them: a number would bind to whatever value it happens to be, even an undefined one.
            var name = text.Trim();
            return name.Length > 0 && !char.IsDigit(name[0]) && name[0] is not ('-' or '+')
                && Enum.TryParse(t, name, ignoreCase: true, out var value) && Enum.IsDefined(t, value!);
        }
        try { TypeDescriptor.GetConverter(t).ConvertFromInvariantString(text); return true; }
        catch (Exception ex) when (ex is FormatException or ArgumentException or NotSupportedException || ex.InnerException is FormatException or OverflowException) { return false; }
    }
}
