using System.ComponentModel.DataAnnotations;

namespace ReportWorker.Briefings;

/// <summary>Who receives the briefings besides the units: the committee's leaders.</summary>
public sealed class BriefingsOptions
{
    public const string SectionName = "Briefings";

    [MinLength(1, ErrorMessage = "Briefings:Leaders needs at least one recipient for the 月通报 and 季督办.")]
    public List<Leader> Leaders { get; set; } = [];

    /// <summary>
    /// The 月通报 goes to the units as a circular: one message to at most this many liaisons, in Bcc
    /// (500 is Exchange Online's limit per message; Postfix allows 1,000). A message per unit would
    /// store and send the same PDF thousands of times in a large deployment.
    /// </summary>
    [Range(1, 1000)] public int UnitRecipientsPerMessage { get; set; } = 500;
}

public sealed class Leader
{
    [Required] public string Name { get; set; } = "";
    [Required, EmailAddress] public string Email { get; set; } = "";
}
