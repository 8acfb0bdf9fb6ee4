using Dapper;
using ReportWorker.Storage;

namespace ReportWorker.Delivery;

/// <summary>The relay could not be reached (or refused the login) since <see cref="Since"/>; <see cref="Waiting"/> messages wait for it.</summary>
public sealed record RelayDown(DateTimeOffset Since, string Error, long Waiting);

// Whether the relay was reachable at the last try. When it is not, no alert can be mailed: the operator reads it here.
public sealed partial class OutboxStore
{
    /// <summary>Records that the relay could not be reached; true if it was up before (the first failure of an outage).</summary>
    public bool RecordRelayDown(string error)
    {
        using var c = database.Open();
        var now = clock.GetUtcNow().Stored();
        var wasDown = c.ExecuteScalar<string?>("SELECT down_since FROM relay_status WHERE id = 1") is not null;
        c.Execute("""
            INSERT INTO relay_status(id, down_since, error, checked_at) VALUES (1, @now, @error, @now)
            ON CONFLICT(id) DO UPDATE SET down_since = COALESCE(relay_status.down_since, excluded.down_since), error = excluded.error, checked_at = excluded.checked_at
            """, new { now, error });
        return !wasDown;
    }

    /// <summary>Records that the relay took a connection (and a login); returns when it had been down since, if it had.</summary>
    public DateTimeOffset? RecordRelayUp()
    {
        using var c = database.Open();
        var since = c.ExecuteScalar<string?>("SELECT down_since FROM relay_status WHERE id = 1");
        if (since is null) return null;
        c.Execute("UPDATE relay_status SET down_since = NULL, error = NULL, checked_at = @now WHERE id = 1", new { now = clock.GetUtcNow().Stored() });
        return DateTimeOffset.Parse(since, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.RoundtripKind);
    }

    /// <summary>The outage in progress, if the last try could not reach the relay.</summary>
    public RelayDown? RelayStatus()
    {
        using var c = database.Open();
        var row = c.QueryFirstOrDefault<(string? Since, string? Error)>("SELECT down_since, error FROM relay_status WHERE id = 1");
        if (row.Since is null) return null;
        var waiting = c.ExecuteScalar<long>($"SELECT COUNT(*) FROM outbox WHERE status IN ('{OutboxStates.Pending}', '{OutboxStates.Sending}')");
        return new RelayDown(DateTimeOffset.Parse(row.Since, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.RoundtripKind), row.Error ?? "", waiting);
    }
}
