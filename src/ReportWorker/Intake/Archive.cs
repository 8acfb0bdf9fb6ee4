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

    /// <summary>A whole message as the mail server gave it: archive/mail/yyyy-MM-dd/{hash}.eml.</summary>
    public string KeepMail(byte[] raw, string sha256, DateTimeOffset receivedAt)
    {
        var day = calendar.ToLocal(receivedAt).ToString("yyyy-MM-dd");
        var relative = Path.Combine("mail", day, $"{sha256}.eml");
        var target = Path.Combine(paths.Archive, relative);
        if (File.Exists(target) && Hashing.Sha256OfFile(target) == sha256) return relative;
        // A file by this name with other bytes can only be a torn copy from outside the worker; keep it, write beside it.
        if (File.Exists(target)) relative = Path.Combine("mail", day, $"{sha256}.{Guid.NewGuid():N}.eml");
        target = Path.Combine(paths.Archive, relative);
        AtomicFile.Write(target, raw, overwrite: false);
        if (Hashing.Sha256OfFile(target) != sha256)
            throw new IOException($"Archived copy of message {sha256[..16]} does not match what the server sent; the message stays in the mailbox.");
        return relative;
    }

    public string PathOf(string relative) => Path.Combine(paths.Archive, relative);

    /// <summary>
    /// The name as a file name: no path characters, and at most 120 bytes of UTF-8, because file
    /// systems count bytes (255) and a Chinese character takes three; the archive adds a hash before it
    /// and a temporary suffix after it. A shortened name keeps its beginning and its extension.
    /// </summary>
    public static string SafeName(string name)
    {
        const int maxBytes = 120;
        var invalid = Path.GetInvalidFileNameChars();
        var safe = new string(name.Select(c => invalid.Contains(c) || c < 0x20 ? '_' : c).ToArray()).Trim();
        if (safe.Length == 0 || safe is "." or "..") safe = "unnamed";
        if (System.Text.Encoding.UTF8.GetByteCount(safe) <= maxBytes) return safe;
        var extension = Path.GetExtension(safe) is { Length: > 0 and <= 10 } e ? e : "";
        var budget = maxBytes - System.Text.Encoding.UTF8.GetByteCount(extension) - 1;
        var stem = new System.Text.StringBuilder();
        foreach (var rune in safe[..^extension.Length].EnumerateRunes())
        {
            if (System.Text.Encoding.UTF8.GetByteCount(stem.ToString()) + rune.Utf8SequenceLength > budget) break;
            stem.Append(rune.ToString());
        }
        return stem.Append('~').Append(extension).ToString();
    }
}
