namespace ReportWorker.Registry;

/// <summary>One task of the annual list. <see cref="Deadline"/> is null for standing tasks (长期坚持).</summary>
public sealed record TaskItem(
    string Code,
    string Category,
    string Content,
    string LeadUnit,
    IReadOnlyList<string> CoUnits,
    DateOnly? Deadline,
    string DeadlineText,
    string ListType,
    int SortOrder = 0)
{
    public const string Routine = "常态化";
    public const string AnnualKey = "年度重点";

    public bool IsStanding => Deadline is null;
    public bool Involves(string unitCode) => LeadUnit == unitCode || CoUnits.Contains(unitCode);
}
