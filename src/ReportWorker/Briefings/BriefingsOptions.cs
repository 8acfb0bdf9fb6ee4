using System.ComponentModel.DataAnnotations;

namespace ReportWorker.Briefings;

/// <summary>Who receives the briefings besides the units: the committee's leaders.</summary>
public sealed class BriefingsOptions
{
    public const string SectionName = "Briefings";

    [MinLength(1, ErrorMessage = "Briefings:Leaders needs at least one recipient for the 月通报 and 季督办.")]
    public List<Recipient> Leaders { get; set; } = [];
}

public sealed class Recipient
{
    [Required] public string Name { get; set; } = "";
    [Required, EmailAddress] public string Email { get; set; } = "";
}
