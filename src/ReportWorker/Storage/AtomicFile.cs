namespace ReportWorker.Storage;

/// <summary>
/// Writes that never leave a half-written file under the final name: the bytes go to a temporary
/// file in the same folder, are flushed to disk, and only then renamed into place.
/// </summary>
public static class AtomicFile
{
    public static void Write(string path, ReadOnlySpan<byte> bytes, bool overwrite = true)
    {
        var temp = TempNameFor(path);
        using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
        {
            stream.Write(bytes);
            stream.Flush(flushToDisk: true);
        }
        Commit(temp, path, overwrite);
    }

    public static void Write(string path, Action<Stream> writer, bool overwrite = true)
    {
        var temp = TempNameFor(path);
        using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None))
        {
            writer(stream);
            stream.Flush(flushToDisk: true);
        }
        Commit(temp, path, overwrite);
    }

    /// <summary>Copies a file so that the destination either does not exist or is complete.</summary>
    public static void Copy(string source, string destination)
    {
        var temp = TempNameFor(destination);
        using (var input = new FileStream(source, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete))
        using (var output = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
        {
            input.CopyTo(output);
            output.Flush(flushToDisk: true);
        }
        Commit(temp, destination, overwrite: false);
    }

    private static string TempNameFor(string path)
    {
        var dir = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(dir);
        return Path.Combine(dir, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
    }

    private static void Commit(string temp, string path, bool overwrite)
    {
        try
        {
            File.Move(temp, path, overwrite);
        }
        catch
        {
            File.Delete(temp);
            throw;
        }
    }
}
