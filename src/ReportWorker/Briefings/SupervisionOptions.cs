using System.ComponentModel.DataAnnotations;

namespace ReportWorker.Briefings;

/// <summary>When an open task becomes a 督办事项, and how it escalates.</summary>
public sealed class SupervisionOptions
{
    public const string SectionName = "Briefings:Supervision";

    /// <summary>Reported 滞后/未启动 this many months running at quarter end.</summary>
    [Range(1, 12)] public int LaggingMonths { get; set; } = 2;
    /// <summary>Overdue by more than this many days at quarter end: 红 at once.</summary>
    [Range(1, 365)] public int RedAfterOverdueDays { get; set; } = 90;
    /// <summary>The rectification deadline: this many days after the quarter ends, on a working day.</summary>
    [Range(1, 180)] public int RectifyWithinDays { get; set; } = 30;
}
