using System.ComponentModel.DataAnnotations;

namespace ReportWorker.Storage;

/// <summary>Where the worker keeps its files. Relative paths are taken from the content root.</summary>
public sealed class DataOptions
{
    public const string SectionName = "Data";

    /// <summary>Where the ledger, the outbox and Quartz's job store live: a SQLite file under Root, or PostgreSQL.</summary>
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;
    /// <summary>For PostgreSQL: Host, Port, Database, Username. The password comes from the environment (Data__Password) or user secrets.</summary>
    public string ConnectionString { get; set; } = "";
    public string Password { get; set; } = "";
    [Required] public string Root { get; set; } = "data";
    [Required] public string Database { get; set; } = "reportworker.db";
    [Required] public string Inbox { get; set; } = "inbox";
    [Required] public string Archive { get; set; } = "archive";
    [Required] public string Outbox { get; set; } = "outbox";
    [Required] public string Forms { get; set; } = "forms";
    [Required] public string Briefings { get; set; } = "briefings";
    /// <summary>The working calendar (holidays.json), kept here so that a new publish never overwrites the office's years.</summary>
    [Required] public string Calendar { get; set; } = "calendar";
    [Required] public string Templates { get; set; } = "templates";
}

public enum DatabaseProvider { Sqlite, Postgres }
