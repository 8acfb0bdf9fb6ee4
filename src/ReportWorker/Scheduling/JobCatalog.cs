namespace ReportWorker.Scheduling;

/// <summary>The registered jobs, by name, in registration order.</summary>
public sealed class JobCatalog
{
    private readonly Dictionary<string, IScheduledJob> _byName;

    public JobCatalog(IEnumerable<IScheduledJob> jobs)
    {
        All = [.. jobs];
        _byName = new Dictionary<string, IScheduledJob>(StringComparer.Ordinal);
        foreach (var job in All)
            if (!_byName.TryAdd(job.Name, job)) throw new InvalidOperationException($"Two scheduled jobs are named '{job.Name}'.");
    }

    public IReadOnlyList<IScheduledJob> All { get; }

    public IEnumerable<string> Names => All.Select(j => j.Name);

    public IScheduledJob? Find(string name) => _byName.GetValueOrDefault(name);

    public IScheduledJob this[string name] => Find(name) ?? throw new UnknownJobException(name, Names);
}

/// <summary>A job name no registered job has (a typo on the command line or in Schedule:Jobs).</summary>
public sealed class UnknownJobException(string name, IEnumerable<string> known)
    : Exception($"没有名为“{name}”的任务。可用的任务：{string.Join("、", known)}。")
{
    public string Name { get; } = name;
}
