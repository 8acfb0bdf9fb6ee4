using System.ComponentModel.DataAnnotations;
using ReportWorker.Hosting;

namespace ReportWorker.Calendar;

/// <summary>Who the worker speaks for, and the time zone every date is read in.</summary>
public sealed class OrganizationOptions
{
    public const string SectionName = "Organization";

    [Required] public string Name { get; set; } = "";
    [Required] public string ShortName { get; set; } = "";
    [Required] public string Office { get; set; } = "";
    [Required] public string TimeZone { get; set; } = "Asia/Shanghai";
    /// <summary>Receives what cannot be attributed to a unit (a form with no recognisable unit).</summary>
    [Required, MailAddress] public string OperatorEmail { get; set; } = "";
}
