namespace ReportWorker.Hosting;

/// <summary>Settings the worker must not start with; each problem names the key and says how to fix it, in Chinese.</summary>
public sealed class InvalidSettingsException(IReadOnlyList<string> problems)
    : Exception(string.Join(Environment.NewLine, problems))
{
    public InvalidSettingsException(string problem) : this([problem]) { }

    public IReadOnlyList<string> Problems { get; } = problems;
}
