using System.ComponentModel.DataAnnotations;

namespace ReportWorker.Registry;

public sealed class RegistryOptions
{
    public const string SectionName = "Registry";

    /// <summary>Category letter to name (the seed's 一突出五围绕).</summary>
    [Required, MinLength(1)]
    public Dictionary<string, string> Categories { get; set; } = [];
}
