using System.Runtime.ExceptionServices;

namespace ReportWorker.Hosting;

/// <summary>
/// Work spread over the machine's cores (a nation's 10,000 forms and 督办单). A failure comes out as
/// the exception itself, as it would from a plain loop, not wrapped in an AggregateException, so the
/// callers' catch clauses and the operators' failure e-mails read the same either way.
/// </summary>
internal static class Cores
{
    private static ParallelOptions Options => new() { MaxDegreeOfParallelism = Environment.ProcessorCount };

    public static void For(int count, Action<int> body) => Unwrapped(() => Parallel.For(0, count, Options, body));

    private static void Unwrapped(Action work)
    {
        try { work(); }
        catch (AggregateException ex) { ExceptionDispatchInfo.Throw(ex.Flatten().InnerExceptions[0]); }
    }
}
