using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Json;

namespace ReportWorker.Hosting;

/// <summary>
/// A list the site's settings give replaces the defaults' list instead of being merged with it item by
/// item. Configuration merges by index, so a committee that names one leader would otherwise keep the
/// defaults' second and third (example addresses) and mail every 月通报 to them, with no way to remove
/// them short of copying the whole defaults file.
/// </summary>
internal static class SiteLists
{
    /// <summary>Swaps the defaults file's source for one that leaves out the lists the site files set.</summary>
    public static void ReplaceDefaultsLists(IConfigurationBuilder configuration, string defaultsFile, IReadOnlyList<SettingsFile> siteFiles)
    {
        var lists = siteFiles.Where(f => f.Path != defaultsFile).SelectMany(f => ListsIn(f.Path)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        if (lists.Count == 0) return;
        for (var i = 0; i < configuration.Sources.Count; i++)
            if (configuration.Sources[i] is JsonConfigurationSource json && json is not WithoutListsSource
                && json.FileProvider?.GetFileInfo(json.Path ?? "").PhysicalPath is { } path
                && string.Equals(Path.GetFullPath(path), Path.GetFullPath(defaultsFile), StringComparison.Ordinal))
            {
                configuration.Sources[i] = new WithoutListsSource(lists)
                {
                    Path = json.Path!, FileProvider = json.FileProvider, Optional = json.Optional, ReloadOnChange = false,
                };
                return;
            }
    }

    /// <summary>Every key path in the file whose children are numbered: a JSON array.</summary>
    private static IEnumerable<string> ListsIn(string file)
    {
        var root = new ConfigurationBuilder().AddJsonFile(file, optional: false).Build();
        return Walk(root.GetChildren());

        static IEnumerable<string> Walk(IEnumerable<IConfigurationSection> sections)
        {
            foreach (var section in sections)
            {
                var children = section.GetChildren().ToArray();
                if (children.Length > 0 && children.All(c => int.TryParse(c.Key, NumberStyles.None, CultureInfo.InvariantCulture, out _)))
                    yield return section.Path;
                else
                    foreach (var list in Walk(children)) yield return list;
            }
        }
    }

    private sealed class WithoutListsSource(IReadOnlySet<string> lists) : JsonConfigurationSource
    {
        public override IConfigurationProvider Build(IConfigurationBuilder builder)
        {
            EnsureDefaults(builder);
            return new WithoutListsProvider(this, lists);
        }
    }

    private sealed class WithoutListsProvider(JsonConfigurationSource source, IReadOnlySet<string> lists) : JsonConfigurationProvider(source)
    {
        public override void Load(Stream stream)
        {
            base.Load(stream);
            foreach (var key in Data.Keys.Where(k => lists.Any(l => k.StartsWith(l + ":", StringComparison.OrdinalIgnoreCase))).ToArray())
                Data.Remove(key);
        }
    }
}
