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
    public const string Accepted = "accepted";
    public const string Rejected = "rejected";
    public const string Duplicate = "duplicate";
    public bool IsAccepted => Outcome == Accepted;
}
