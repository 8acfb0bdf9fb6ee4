namespace ReportWorker.Registry;

/// <summary>
/// The books of one year with their lookups built once: unit by code, task by the code the month's forms
/// show, and each unit's tasks (lead or co-unit). Anything that goes unit by unit over tens of thousands
/// of tasks asks here instead of scanning the whole list for every unit. The tasks are the year's list
/// followed by those carried over from earlier years (<see cref="TaskItem.CarriedOver"/>).
/// </summary>
public sealed class RegistryIndex
{
    private readonly Dictionary<string, Unit> _units;
    private readonly Dictionary<string, TaskItem> _tasks;
    private readonly ILookup<string, TaskItem> _byUnit;

    public RegistryIndex(IReadOnlyList<Unit> units, IReadOnlyList<TaskItem> tasks, int year = 0, bool hasList = true)
    {
        Units = units;
        Tasks = tasks;
        Year = year;
        HasList = hasList;
        _units = units.ToDictionary(u => u.Code);
        _tasks = tasks.ToDictionary(t => t.Code);
        // A unit both leads and co-leads a task at most once; Distinct keeps a listing mistake from doubling a row.
        _byUnit = tasks.SelectMany(t => t.CoUnits.Prepend(t.LeadUnit).Distinct().Select(u => (Unit: u, Task: t))).ToLookup(x => x.Unit, x => x.Task);
    }

    public IReadOnlyList<Unit> Units { get; }
    public IReadOnlyList<TaskItem> Tasks { get; }

    /// <summary>The year whose books these are.</summary>
    public int Year { get; }

    /// <summary>Whether the year's own list has been imported (without it, only carried-over tasks are on the books).</summary>
    public bool HasList { get; }

    public int CarriedOver => Tasks.Count(t => t.CarriedOver);

    public Unit? Unit(string code) => _units.GetValueOrDefault(code);
    public TaskItem? Task(string code) => _tasks.GetValueOrDefault(code);

    /// <summary>The tasks the unit leads or shares, in book order.</summary>
    public IEnumerable<TaskItem> TasksOf(string unitCode) => _byUnit[unitCode];
}
