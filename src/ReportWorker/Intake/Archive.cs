using ReportWorker.Calendar;
using ReportWorker.Storage;

namespace ReportWorker.Intake;

/// <summary>
/// Keeps every original byte for byte before anything else reads it: archive/yyyy-MM-dd/{hash}_{name}.
/// A file is never overwritten; the same bytes arriving again find their copy already there.
/// </summary>
public sealed class Archive(DataPaths paths, ReportingCalendar calendar)
{
    public string Keep(string sourcePath, string sha256, string originalName, DateTimeOffset receivedAt)
    {
        var day = calendar.ToLocal(receivedAt).ToString("yyyy-MM-dd");
        var relative = Path.Combine(day, $"{sha256[..16]}_{SafeName(originalName)}");
        var target = Path.Combine(paths.Archive, relative);
        if (File.Exists(target) && Hashing.Sha256OfFile(target) == sha256) return relative;
        if (File.Exists(target))
        {
            // Same name and hash prefix but other bytes: vanishingly rare; keep both.
            relative = Path.Combine(day, $"{sha256}_{SafeName(originalName)}");
            target = Path.Combine(paths.Archive, relative);
            if (File.Exists(target)) return relative;
        }
        AtomicFile.Copy(sourcePath, target);
        if (Hashing.Sha256OfFile(target) != sha256)
            throw new IOException($"Archived copy of {originalName} does not match the original; the file stays in the inbox.");
        return relative;
    }

    public string PathOf(string relative) => Path.Combine(paths.Archive, relative);

    public static string SafeName(string name)
    {
        var invalid = Path.GetInvalidFileNameChars();
        var safe = new string(name.Select(c => invalid.Contains(c) || c < 0x20 ? '_' : c).ToArray()).Trim();
        if (safe.Length == 0 || safe is "." or "..") safe = "unnamed";
        return safe.Length > 120 ? safe[..80] + safe[^40..] : safe;
    }
}
