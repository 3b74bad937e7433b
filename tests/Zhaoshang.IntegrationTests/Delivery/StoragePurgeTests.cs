using Zhaoshang.IntegrationTests.Infrastructure;

namespace Zhaoshang.IntegrationTests.Delivery;

/// <summary>Inbox rows, sent outbox rows and webhook nonces past their retention are purged; everything else stays.</summary>
[Collection(SystemCollection.Name)]
public class StoragePurgeTests(SystemFixture system)
{
    [Fact]
    public async Task The_purge_removes_rows_past_their_retention_in_batches_and_keeps_the_rest()
    {
        var consumer = $"PurgeTest{Guid.NewGuid():N}";
        var client = $"purge-test-{Guid.NewGuid():N}";
        var oldOutbox = Enumerable.Range(0, 3).Select(_ => Guid.NewGuid()).ToArray();
        var keptOutbox = Enumerable.Range(0, 3).Select(_ => Guid.NewGuid()).ToArray();
        // Defaults: inbox 30 days, sent outbox 7 days, nonces 1 day. The test system's funding service purges every second
        // in batches of 2 (SystemFixture), so each table takes several.
        await system.ExecuteAsync(system.Funding,
            """
            INSERT INTO inbox_messages (message_id, consumer, received_at)
            SELECT gen_random_uuid(), @consumer, now() - interval '31 days' FROM generate_series(1, 5)
            UNION ALL SELECT gen_random_uuid(), @consumer, now() - interval '29 days' FROM generate_series(1, 2);

            INSERT INTO outbox_messages (id, message_type, body, created_at, sent_at)
            SELECT id, 'Zhaoshang.Contracts.FundsVerified', '{}'::jsonb, now() - interval '9 days', now() - interval '8 days'
            FROM unnest(@oldOutbox) AS id;
            -- Kept: sent recently; set aside long ago but never sent; sent yesterday.
            INSERT INTO outbox_messages (id, message_type, body, created_at, sent_at, dead_lettered_at) VALUES
                (@Recent, 'Zhaoshang.Contracts.FundsVerified', '{}'::jsonb, now() - interval '6 days', now() - interval '6 days', NULL),
                (@SetAside, 'Zhaoshang.Contracts.RetiredMessage', '{}'::jsonb, now() - interval '40 days', NULL, now() - interval '39 days'),
                (@Yesterday, 'Zhaoshang.Contracts.FundsVerified', '{}'::jsonb, now() - interval '1 day', now() - interval '1 day', NULL);

            INSERT INTO webhook_nonces (client, nonce, received_at)
            SELECT @client, 'old-' || n, now() - interval '2 days' FROM generate_series(1, 3) AS n
            UNION ALL SELECT @client, 'recent-' || n, now() - interval '1 hour' FROM generate_series(1, 2) AS n;
            """,
            new { consumer, client, oldOutbox, Recent = keptOutbox[0], SetAside = keptOutbox[1], Yesterday = keptOutbox[2] });

        try
        {
            await Eventually.AssertAsync(
                () => system.ScalarAsync<int>(system.Funding,
                    """
                    SELECT (SELECT count(*) FROM inbox_messages WHERE consumer = @consumer AND received_at < now() - interval '30 days')
                         + (SELECT count(*) FROM outbox_messages WHERE id = ANY(@oldOutbox))
                         + (SELECT count(*) FROM webhook_nonces WHERE client = @client AND nonce LIKE 'old-%')
                    """,
                    new { consumer, client, oldOutbox }),
                left => left == 0, "every row past its retention is purged");

            Assert.Equal(2, await system.ScalarAsync<int>(system.Funding,
                "SELECT count(*) FROM inbox_messages WHERE consumer = @consumer", new { consumer }));
            Assert.Equal(3, await system.ScalarAsync<int>(system.Funding,
                "SELECT count(*) FROM outbox_messages WHERE id = ANY(@keptOutbox)", new { keptOutbox }));
            Assert.Equal(2, await system.ScalarAsync<int>(system.Funding,
                "SELECT count(*) FROM webhook_nonces WHERE client = @client", new { client }));
        }
        finally
        {
            await system.ExecuteAsync(system.Funding,
                """
                DELETE FROM inbox_messages WHERE consumer = @consumer;
                DELETE FROM outbox_messages WHERE id = ANY(@keptOutbox);
                DELETE FROM webhook_nonces WHERE client = @client;
                """,
                new { consumer, client, keptOutbox });
        }
    }
}
