using System.Globalization;

namespace ReportWorker.Storage;

/// <summary>
/// How the ledger stores instants: UTC in round-trip format, so that text comparison in SQL
/// (received before a briefing was issued, a retry that is due) is time comparison.
/// </summary>
public static class Timestamps
{
    public static string Stored(this DateTimeOffset time) => time.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);
}
