using System.Runtime.CompilerServices;
using ReportWorker.Hosting;

namespace ReportWorker.Tests.Support;

internal static class NoSiteSettings
{
    /// <summary>
    /// Tests run on their own settings, never on a machine's /etc/reportworker; the worker processes
    /// they start inherit this. Tests of the site folder set the variable for their own process only.
    /// </summary>
    [ModuleInitializer]
    internal static void Ignore() => Environment.SetEnvironmentVariable(SiteSettings.FolderVariable, "none");
}
