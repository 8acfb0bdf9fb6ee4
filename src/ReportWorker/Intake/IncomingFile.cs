namespace ReportWorker.Intake;

/// <summary>
/// A file to take in. <see cref="SourceRef"/> identifies this arrival (the inbox file name, or the
/// mailbox message and attachment); <see cref="Sender"/> is set for mail and checked against the liaisons.
/// </summary>
public sealed record IncomingFile(string Path, string OriginalName, string Source, string SourceRef, string? Sender = null)
{
    public const string Folder = "folder";
    public const string Mailbox = "mailbox";
}

/// <summary>What became of one file.</summary>
public sealed record IntakeOutcome(long ReceivedFileId, string Outcome, string? UnitCode, string? Month, IReadOnlyList<FormProblem> Errors, IReadOnlyList<FormProblem> Warnings, bool Resumed)
{
    /// <summary>The file's name as it arrived (the attachment's or the inbox file's), for the operator's list.</summary>
    public string FileName { get; init; } = "";
    public const string Accepted = "accepted";
    public const string Rejected = "rejected";
    public const string Duplicate = "duplicate";
    public bool IsAccepted => Outcome == Accepted;
}

/// <summary>
/// A file archived and checked, not yet recorded (<see cref="IntakeService.Prepare"/>). <see cref="Earlier"/> is set
/// instead when an earlier run recorded these bytes and was cut off before finishing with them.
/// </summary>
public sealed record PreparedFile(IncomingFile File, string Sha256, long Size, string Archived, DateTimeOffset ReceivedAt, FormCheck? Check, ReceivedFile? Earlier);
