using System.ComponentModel.DataAnnotations;
using ReportWorker.Hosting;

namespace ReportWorker.Briefings;

/// <summary>Who receives the briefings besides the units: the committee's leaders.</summary>
public sealed class BriefingsOptions
{
    public const string SectionName = "Briefings";

    [MinLength(1, ErrorMessage = "Briefings:Leaders 至少要有一位收件人：月通报和季督办要报送工委领导。")]
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
    [Required, MailAddress] public string Email { get; set; } = "";
}
