namespace ReportWorker.Ledger;

/// <summary>What a unit reported for one task in one month. <see cref="TaskCode"/> is the code as the form showed it.</summary>
public sealed record ReportEntry(long TaskId, string TaskCode, string Status, double Percent, string Progress, string Problems, string NextSteps);

/// <summary>An accepted monthly report; <see cref="SupersededBy"/> is set once a later one replaces it.</summary>
public sealed record Submission(long Id, long ReceivedFileId, string UnitCode, string Month, DateTimeOffset ReceivedAt, bool Late, long? SupersededBy);
