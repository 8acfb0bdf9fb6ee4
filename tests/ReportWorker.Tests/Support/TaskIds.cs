using System.Collections.Concurrent;

namespace ReportWorker.Tests.Support;

/// <summary>Ledger ids for hand-made tasks: one stable id per code, as the ledger would give them.</summary>
public static class TaskIds
{
    private static readonly ConcurrentDictionary<string, long> Ids = new();

    public static long Of(string code) => Ids.GetOrAdd(code, _ => Ids.Count + 1000);
}
