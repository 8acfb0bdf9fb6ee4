namespace ReportWorker.Hosting;

/// <summary>What an operator types to run a command: the published binary's name, for every hint that names one.</summary>
public static class CommandName
{
    public const string Value = "ReportWorker";
}
