using System.ComponentModel.DataAnnotations;

namespace ReportWorker.Assessment;

/// <summary>The 年考核's timing besides its two jobs' dates (Schedule:Jobs:assessment-draft and assessment-final).</summary>
public sealed class AssessmentOptions
{
    public const string SectionName = "Assessment";

    /// <summary>
    /// Units may object to their draft result for this many days after it is issued (moved to a working day);
    /// the final result is not issued before that day has ended.
    /// </summary>
    [Range(1, 60)] public int ObjectionDays { get; set; } = 10;
}
