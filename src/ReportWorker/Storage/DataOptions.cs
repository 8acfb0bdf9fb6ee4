using System.ComponentModel.DataAnnotations;

namespace ReportWorker.Storage;

/// <summary>Where the worker keeps its files. Relative paths are taken from the content root.</summary>
public sealed class DataOptions
{
    public const string SectionName = "Data";

    [Required] public string Root { get; set; } = "data";
    [Required] public string Database { get; set; } = "reportworker.db";
    [Required] public string Inbox { get; set; } = "inbox";
    [Required] public string Archive { get; set; } = "archive";
    [Required] public string Outbox { get; set; } = "outbox";
    [Required] public string Forms { get; set; } = "forms";
    [Required] public string Briefings { get; set; } = "briefings";
    [Required] public string Templates { get; set; } = "templates";
}
