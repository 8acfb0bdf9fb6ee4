using System.ComponentModel.DataAnnotations;

namespace ReportWorker.Calendar;

/// <summary>When a month's report is due: day <see cref="DueDay"/> of the next month at <see cref="DueTime"/>, or the next working day.</summary>
public sealed class ReportingOptions
{
    public const string SectionName = "Reporting";

    [Range(1, 28)] public int DueDay { get; set; } = 5;
    [Required, RegularExpression(@"^([01]\d|2[0-3]):[0-5]\d$", ErrorMessage = "Reporting:DueTime 应为 HH:mm 格式的时刻，例如 17:00。")]
    public string DueTime { get; set; } = "17:00";
}
