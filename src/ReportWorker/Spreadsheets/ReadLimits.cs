namespace ReportWorker.Spreadsheets;

/// <summary>Bounds that keep one hostile file from exhausting the worker.</summary>
public sealed record ReadLimits(long MaxFileBytes, long MaxUncompressedBytes, int MaxZipEntries = 2000)
{
    public static readonly ReadLimits Default = new(10 * 1024 * 1024, 100 * 1024 * 1024);
}
