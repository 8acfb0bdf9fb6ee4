using System.IO.Compression;

namespace ReportWorker.Spreadsheets;

/// <summary>
/// System.IO.Packaging stamps every part with the current time, so the same workbook written twice
/// differs. Fixing the stamps makes a regenerated form byte-identical to the one already sent.
/// </summary>
internal static class ZipTimestamps
{
    private static readonly DateTimeOffset Fixed = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static void WriteNormalized(Stream output, Action<Stream> write)
    {
        using var buffer = new MemoryStream();
        write(buffer);
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Update, leaveOpen: true))
            foreach (var entry in zip.Entries) entry.LastWriteTime = Fixed;
        buffer.Position = 0;
        buffer.CopyTo(output);
    }
}
