namespace ReportWorker.Registry;

/// <summary>
/// The registry with its lookups built once: unit by code, task by code, and each unit's tasks (lead or
/// co-unit). Anything that goes unit by unit over tens of thousands of tasks asks here instead of
/// scanning the whole list for every unit.
/// </summary>
public sealed class RegistryIndex
{
    private readonly Dictionary<string, Unit> _units;
    private readonly Dictionary<string, TaskItem> _tasks;
    private readonly ILookup<string, TaskItem> _byUnit;

    public RegistryIndex(IReadOnlyList<Unit> units, IReadOnlyList<TaskItem> tasks)
    {
        Units = units;
        Tasks = tasks;
        _units = units.ToDictionary(u => u.Code);
        _tasks = tasks.ToDictionary(t => t.Code);
        // A unit both leads and co-leads a task at most once; Distinct keeps a listing mistake from doubling a row.
        _byUnit = tasks.SelectMany(t => t.CoUnits.Prepend(t.LeadUnit).Distinct().Select(u => (Unit: u, Task: t))).ToLookup(x => x.Unit, x => x.Task);
    }

    public IReadOnlyList<Unit> Units { get; }
    public IReadOnlyList<TaskItem> Tasks { get; }

    public Unit? Unit(string code) => _units.GetValueOrDefault(code);
    public TaskItem? Task(string code) => _tasks.GetValueOrDefault(code);

    /// <summary>The tasks the unit leads or shares, in task-list order.</summary>
    public IEnumerable<TaskItem> TasksOf(string unitCode) => _byUnit[unitCode];
}
