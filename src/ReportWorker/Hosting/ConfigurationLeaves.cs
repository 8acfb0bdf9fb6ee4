using Microsoft.Extensions.Configuration;

namespace ReportWorker.Hosting;

internal static class ConfigurationLeaves
{
    /// <summary>Every key below <paramref name="section"/> that holds a value rather than further keys.</summary>
    public static IEnumerable<IConfigurationSection> Leaves(this IConfigurationSection section)
    {
        var children = section.GetChildren().ToArray();
        if (children.Length == 0) { yield return section; yield break; }
        foreach (var child in children)
            foreach (var leaf in child.Leaves()) yield return leaf;
    }
}
