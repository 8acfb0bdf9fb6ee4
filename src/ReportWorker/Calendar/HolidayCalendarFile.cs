using Microsoft.Extensions.Logging;
using ReportWorker.Storage;

namespace ReportWorker.Calendar;

/// <summary>
/// The holidays and 调休 days the worker uses: data/calendar/holidays.json, which survives a new publish.
/// It is seeded from the shipped templates/calendar/holidays.json; a year a newer release ships that the
/// data file lacks is added to it, and a year the data file has is never overwritten (the office may
/// have corrected it). The file is read again when it changes, so a running service picks up
/// <c>calendar add</c> without a restart.
/// </summary>
public sealed class HolidayCalendarFile(DataPaths paths, ILogger<HolidayCalendarFile> logger)
{
    public const string Shipped = "随程序发布";
    private readonly Lock _gate = new();
    private (DateTime Written, long Length, WorkingCalendar Calendar)? _loaded;

    public string DataFile => Path.Combine(paths.Calendar, "holidays.json");

    /// <summary>The shipped files: the configured templates' copy, and the one beside the binary, where a new release brings its years.</summary>
    public IReadOnlyList<string> ShippedFiles =>
        new[] { paths.Templates, Path.Combine(AppContext.BaseDirectory, "templates") }
            .Select(t => Path.GetFullPath(Path.Combine(t, "calendar", "holidays.json")))
            .Distinct(StringComparer.Ordinal).Where(File.Exists).ToArray();

    public WorkingCalendar Calendar
    {
        get
        {
            lock (_gate)
            {
                var file = new FileInfo(DataFile);
                if (_loaded is { } loaded && file.Exists && file.LastWriteTimeUtc == loaded.Written && file.Length == loaded.Length)
                    return loaded.Calendar;
                // First use in this process, or the file was changed (calendar add, an edit) or removed.
                var calendar = new WorkingCalendar(Sync());
                file.Refresh();
                _loaded = file.Exists ? (file.LastWriteTimeUtc, file.Length, calendar) : null;
                return calendar;
            }
        }
    }

    /// <summary>Writes the year into the data file, in place of the one there if <paramref name="replace"/>; returns the year it replaced.</summary>
    public HolidayYear? Add(HolidayYear year, bool replace)
    {
        lock (_gate)
        {
            var years = Sync().ToDictionary(y => y.Year);
            var old = years.GetValueOrDefault(year.Year);
            if (old is not null && !replace) throw new InvalidOperationException($"{year.Year} is already in {DataFile}.");
            years[year.Year] = year;
            AtomicFile.Write(DataFile, HolidayJson.Write(years.Values));
            _loaded = null;
            return old;
        }
    }

    /// <summary>The data file's years, after adding any shipped year it lacks (and creating it the first time).</summary>
    private IReadOnlyList<HolidayYear> Sync()
    {
        var exists = File.Exists(DataFile);
        var years = (exists ? HolidayJson.Read(DataFile, "未注明") : []).ToDictionary(y => y.Year);
        var added = new List<(int Year, string From)>();
        foreach (var shipped in ShippedFiles)
            foreach (var year in HolidayJson.Read(shipped, Shipped))
                if (years.TryAdd(year.Year, year)) added.Add((year.Year, shipped));
        if (added.Count == 0 && exists) return [.. years.Values];
        if (years.Count == 0) return [];
        AtomicFile.Write(DataFile, HolidayJson.Write(years.Values));
        foreach (var (year, from) in added) CalendarLog.YearSeeded(logger, year, DataFile, from);
        return [.. years.Values.OrderBy(y => y.Year)];
    }
}
