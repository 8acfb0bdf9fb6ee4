namespace ReportWorker.Registry;

/// <summary>
/// One task of a year's list. <see cref="Deadline"/> is null for standing tasks (长期坚持).
/// In the books of a later year a task still open is carried over (<see cref="CarriedOver"/>): it keeps
/// its <see cref="Id"/> and shows as <c>2025-A-001</c>, so a code the new list reuses never meets it.
/// </summary>
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
    public const string CarriedOverLabel = "上年结转";

    /// <summary>The ledger's id: what reports, 督办事项 and history refer to.</summary>
    public long Id { get; init; }

    /// <summary>The year of the list the task belongs to.</summary>
    public int Year { get; init; }

    /// <summary>The code as its own year's list writes it (<see cref="Code"/> is what the month's books show).</summary>
    public string ListCode { get => field ?? Code; init; }

    /// <summary>The earlier year's task this one carries on (接续上年任务), if the list says so.</summary>
    public long? Continues { get; init; }

    /// <summary>The month from which the office took the task off the books (核销), if it did.</summary>
    public string? RetiredFrom { get; init; }

    /// <summary>On the books of a later year than its own, because it was still open at the end of its year.</summary>
    public bool CarriedOver { get; init; }

    public bool IsStanding => Deadline is null;

    /// <summary>
    /// The deadline as every document and form writes it: one style, 2025年3月31日, whatever the list wrote
    /// (2025-03-31, 2025/3/31, 3月底); a standing task's words (长期坚持, 常态化) as written.
    /// </summary>
    public string DueText => Deadline is { } d ? $"{d.Year}年{d.Month}月{d.Day}日" : DeadlineText;
    public bool Involves(string unitCode) => LeadUnit == unitCode || CoUnits.Contains(unitCode);

    /// <summary>
    /// The same task as it stands in a later year's books: carried over, under its year-qualified code, and
    /// with the year in its deadline ("6月底" would read as the new year's June).
    /// </summary>
    public TaskItem CarriedInto() => this with
    {
        Code = $"{Year}-{ListCode}",
        ListCode = ListCode,
        CarriedOver = true,
        DeadlineText = Deadline is { } d && !DeadlineText.Contains(d.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            ? $"{d.Year}年{DeadlineText}" : DeadlineText,
    };
}
