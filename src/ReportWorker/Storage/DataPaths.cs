using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ReportWorker.Storage;

/// <summary>Resolved, absolute folders. Each folder is created the first time it is asked for.</summary>
public sealed class DataPaths(IOptions<DataOptions> options, IHostEnvironment environment)
{
    private readonly DataOptions _o = options.Value;

    public string Root => Ensure(Path.GetFullPath(_o.Root, environment.ContentRootPath));
    public string DatabaseFile => Path.Combine(Root, _o.Database);

    /// <summary>The database file before the container is built (Quartz's job store is configured then).</summary>
    public static string DatabaseFileFor(DataOptions options, string contentRoot) =>
        Path.Combine(Path.GetFullPath(options.Root, contentRoot), options.Database);
    public string Inbox => Ensure(Under(_o.Inbox));
    public string InboxProcessed => Ensure(Path.Combine(Inbox, "processed"));
    public string InboxRejected => Ensure(Path.Combine(Inbox, "rejected"));
    public string Archive => Ensure(Under(_o.Archive));
    public string Outbox => Ensure(Under(_o.Outbox));
    public string Forms => Ensure(Under(_o.Forms));
    public string Briefings => Ensure(Under(_o.Briefings));
    public string Calendar => Ensure(Under(_o.Calendar));

    /// <summary>Templates ship beside the binary; a deployment may point at its own copy.</summary>
    public string Templates
    {
        get
        {
            var configured = Path.GetFullPath(_o.Templates, environment.ContentRootPath);
            if (Directory.Exists(configured)) return configured;
            var besideBinary = Path.Combine(AppContext.BaseDirectory, "templates");
            return Directory.Exists(besideBinary) ? besideBinary : configured;
        }
    }

    private string Under(string path) => Path.GetFullPath(path, Root);

    private static string Ensure(string dir)
    {
        Directory.CreateDirectory(dir);
        return dir;
    }
}
