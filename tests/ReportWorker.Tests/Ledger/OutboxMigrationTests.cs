using System.Data.Common;
using Dapper;
using ReportWorker.Delivery;
using ReportWorker.Ledger;
using ReportWorker.Tests.Delivery;
using ReportWorker.Tests.Support;

namespace ReportWorker.Tests.Ledger;

/// <summary>Migration 0008 moves the queued message bytes out of the outbox row; a ledger from before it loses none.</summary>
public class OutboxMigrationTests
{
    [Fact]
    public async Task Messages_queued_before_0008_keep_their_bytes_and_are_sent_after_it()
    {
        await using var smtp = new SmtpTestServer();
        using var world = new TestWorld(smtp.Settings());
        var ids = Queue.Messages(world, 3);
        var store = world.Get<OutboxStore>();
        var before = store.Due().ToDictionary(m => m.Id, m => m.Mime);
        Assert.All(before.Values, mime => Assert.NotEmpty(mime));

        // Put the ledger back as 0007 left it: the bytes in outbox.mime, no outbox_mime table.
        var blob = TestWorld.OnPostgres ? "BYTEA" : "BLOB";
        using (var c = world.Get<LedgerDatabase>().Open())
        {
            c.Execute($"ALTER TABLE outbox ADD COLUMN mime {blob}");
            c.Execute("UPDATE outbox SET mime = (SELECT m.mime FROM outbox_mime m WHERE m.outbox_id = outbox.id)");
            c.Execute("DROP TABLE outbox_mime");
            c.Execute("DELETE FROM schema_migrations WHERE version = 8");
        }

        Assert.Equal(1, world.Get<SchemaMigrator>().Migrate());

        Assert.All(before, pair => Assert.Equal(pair.Value, store.MimeOf(pair.Key)));
        using (var c = world.Get<LedgerDatabase>().Open())
        {
            Assert.ThrowsAny<DbException>(() => c.Query("SELECT mime FROM outbox").ToArray());
            // PostgreSQL keeps the bytes uncompressed (pglz on base64 is slow and saves little).
            if (TestWorld.OnPostgres)
                Assert.Equal('e', c.ExecuteScalar<char>("SELECT attstorage FROM pg_attribute WHERE attrelid = 'outbox_mime'::regclass AND attname = 'mime'"));
        }
        var result = await world.Get<OutboxSender>().DeliverDueAsync(CancellationToken.None);
        Assert.Equal(3, result.Sent);
        Assert.All(ids, id => Assert.Single(smtp.ByMessageId(id)));
    }
}
