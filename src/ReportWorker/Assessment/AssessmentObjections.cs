using System.Data;
using System.Globalization;
using Dapper;
using ReportWorker.Briefings;
using ReportWorker.Calendar;
using ReportWorker.Ledger;
using ReportWorker.Storage;

namespace ReportWorker.Assessment;

/// <summary>A liaison's reply to a draft 考核反馈单, as recorded (table assessment_objections).</summary>
public sealed record AssessmentObjection(long Id, long Year, string? UnitCode, string Sender, string Subject, string Body, string ReceivedAt, string SourceRef)
{
    public DateTimeOffset ReceivedTime => DateTimeOffset.Parse(ReceivedAt, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
}

/// <summary>An objection about to be recorded: <paramref name="SourceRef"/> names the mailbox message it came in.</summary>
public sealed record NewObjection(int Year, string? UnitCode, string Sender, string Subject, string Body, DateTimeOffset ReceivedAt, string SourceRef);

/// <summary>
/// The year's draft as objections are judged against it: the latest version of the draft (a reissue moves the
/// deadline, and <c>assessment final</c> waits for that one), its last day to object, and the final if issued.
/// </summary>
public sealed record ObjectionWindow(int Year, long DraftVersion, DateTimeOffset DraftIssued, DateOnly ObjectBy, DateTimeOffset? FinalIssued)
{
    /// <summary>A draft is out and no final result yet: the period in which a reply is an objection by its subject alone.</summary>
    public bool Open => FinalIssued is null;
}

/// <summary>
/// The register of objections to the draft assessment, and the deadline each is judged by. An objection is
/// recorded in the transaction of the mailbox message that carried it, once per message (source_ref is unique).
/// </summary>
public sealed class AssessmentObjections(LedgerDatabase database, BriefingStore briefings, AssessmentService service, ReportingCalendar calendar)
{
    private const string Columns = """
        id AS Id, year AS Year, unit_code AS UnitCode, sender AS Sender, subject AS Subject, body AS Body, received_at AS ReceivedAt, source_ref AS SourceRef
        """;

    /// <summary>The year's draft and its deadline; null when no draft was issued for the year.</summary>
    public ObjectionWindow? Window(int year)
    {
        var period = year.ToString("D4", CultureInfo.InvariantCulture);
        if (briefings.Latest(AssessmentService.DraftKind, period) is not { } draft) return null;
        var issued = Local(draft.CreatedAt);
        var final = briefings.Latest(AssessmentService.FinalKind, period);
        return new ObjectionWindow(year, draft.Version, issued, service.ObjectBy(issued), final is null ? null : Local(final.CreatedAt));
    }

    /// <summary>Received on or before the last day to object, in local time (the day itself counts, as <c>assessment final</c> counts it).</summary>
    public bool Within(ObjectionWindow window, DateTimeOffset receivedAt) =>
        DateOnly.FromDateTime(calendar.ToLocal(receivedAt).DateTime) <= window.ObjectBy;

    /// <summary>Records the objection unless its message was recorded before; returns its id, or null when it was.</summary>
    internal static long? Insert(IDbConnection c, IDbTransaction tx, NewObjection o) =>
        c.ExecuteScalar<long?>("""
            INSERT INTO assessment_objections(year, unit_code, sender, subject, body, received_at, source_ref)
            VALUES (@Year, @UnitCode, @Sender, @Subject, @Body, @at, @SourceRef)
            ON CONFLICT(source_ref) DO NOTHING
            RETURNING id
            """, new { o.Year, o.UnitCode, o.Sender, o.Subject, o.Body, at = o.ReceivedAt.Stored(), o.SourceRef }, tx);

    /// <summary>The year's objections in the order they arrived.</summary>
    public IReadOnlyList<AssessmentObjection> For(int year)
    {
        using var c = database.Open();
        return c.Query<AssessmentObjection>($"SELECT {Columns} FROM assessment_objections WHERE year = @year ORDER BY received_at, id", new { year }).ToArray();
    }

    private DateTimeOffset Local(string stored) => calendar.ToLocal(DateTimeOffset.Parse(stored, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind));
}
