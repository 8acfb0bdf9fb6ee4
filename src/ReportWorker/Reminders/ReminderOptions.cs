using System.ComponentModel.DataAnnotations;

namespace ReportWorker.Reminders;

/// <summary>催报: a reminder on the due day and on each following working day, at most <see cref="MaxReminders"/> in all.</summary>
public sealed class ReminderOptions
{
    public const string SectionName = "Reminders";

    [Range(0, 20)] public int MaxReminders { get; set; } = 3;
}
