using ReportWorker.Ledger;
using ReportWorker.Registry;
using ReportWorker.Periods;

namespace ReportWorker.Intake;

/// <summary>The verdict on one returned form: accepted with entries (and perhaps warnings), or errors.</summary>
public sealed record FormCheck(Unit? Unit, ReportMonth? Month, IReadOnlyList<ReportEntry> Entries, IReadOnlyList<FormProblem> Errors, IReadOnlyList<FormProblem> Warnings, bool Late)
{
    public bool Accepted => Errors.Count == 0;

    public static FormCheck Rejected(FormProblem problem, Unit? unit = null, ReportMonth? month = null) => new(unit, month, [], [problem], [], false);
}
