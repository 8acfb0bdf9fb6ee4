using MailKit;
using MailKit.Search;
using Microsoft.Extensions.Options;
using ReportWorker.Delivery;

namespace ReportWorker.Intake;

/// <summary>
/// The delivery journal kept in the intake mailbox: the relay drops a copy of every message the
/// worker sends there, and the mailbox intake files it in the journal folder. A message has arrived
/// if a copy with its Message-Id is in either place. A mailbox that cannot be reached throws (the
/// caller retries later) rather than answering "not arrived", which would send a duplicate.
/// The relay's copy can take a moment to reach the mailbox, so "not arrived" is only answered after
/// looking again for Intake:Mailbox:JournalWaitSeconds.
/// Without a mailbox or a Mail:JournalAddress there is no journal to ask (null): a cut-off message is
/// then resent under the same Message-Id.
/// </summary>
public sealed class MailboxJournal(IOptions<MailboxOptions> options, IOptions<MailOptions> mail) : IDeliveryJournal
{
    public bool IsConfigured => options.Value.Enabled && mail.Value.JournalAddress.Length > 0;

    /// <summary>
    /// The copies with this Message-Id in the mailbox and the journal folder. <paramref name="expected"/>: keep looking
    /// (up to JournalWaitSeconds) until this many are there, since the relay's copy of the last transaction may still be on its way.
    /// </summary>
    public async Task<int?> CountArrivedAsync(string messageId, int expected, CancellationToken ct)
    {
        var o = options.Value;
        if (!IsConfigured) return null;
        var id = messageId.Trim().Trim('<', '>');
        using var client = await MailboxConnection.OpenAsync(o, ct);
        var giveUpAt = DateTime.UtcNow.AddSeconds(o.JournalWaitSeconds);
        var found = await CountAsync(client, o, id, ct);
        while (found < expected && DateTime.UtcNow < giveUpAt)
        {
            await Task.Delay(TimeSpan.FromSeconds(Math.Min(5, o.JournalWaitSeconds)), ct);
            found = await CountAsync(client, o, id, ct);
        }
        await client.DisconnectAsync(quit: true, ct);
        return found;
    }

    private static async Task<int> CountAsync(MailKit.Net.Imap.ImapClient client, MailboxOptions o, string id, CancellationToken ct)
    {
        var found = 0;
        foreach (var name in (string[])[o.Folder, o.JournalFolder])
        {
            if (await MailboxConnection.FindAsync(client, name, ct) is not { } folder) continue;
            await folder.OpenAsync(FolderAccess.ReadOnly, ct);
            var hits = await folder.SearchAsync(SearchQuery.HeaderContains("Message-ID", id), ct);
            if (hits.Count > 0)
            {
                // SEARCH HEADER matches substrings: confirm the exact id.
                var summaries = await folder.FetchAsync(hits, MessageSummaryItems.Envelope, ct);
                found += summaries.Count(s => string.Equals(s.Envelope?.MessageId?.Trim('<', '>'), id, StringComparison.OrdinalIgnoreCase));
            }
            await folder.CloseAsync(false, ct);
        }
        return found;
    }
}
