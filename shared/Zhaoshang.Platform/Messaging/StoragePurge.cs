using Dapper;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using Zhaoshang.Platform.Idempotency;
using Zhaoshang.Platform.Observability;

namespace Zhaoshang.Platform.Messaging;

public sealed class PurgeOptions
{
    public const string Section = "Purge";

    /// <summary>How often the purge runs.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Rows deleted per statement, so a purge never holds many locks or one long transaction.</summary>
    public int BatchSize { get; set; } = 5000;

    /// <summary>
    /// How long an inbox row is kept. It is what recognises a redelivered message, so it must outlive any redelivery: a
    /// message waiting in a queue while its service is down, or re-published by a relay that crashed before marking it sent.
    /// </summary>
    public TimeSpan InboxRetention { get; set; } = TimeSpan.FromDays(30);

    /// <summary>How long a sent outbox row is kept (to trace what was sent); an unsent or dead-lettered row is never purged.</summary>
    public TimeSpan SentOutboxRetention { get; set; } = TimeSpan.FromDays(7);

    /// <summary>How long a webhook nonce is kept: a signed request older than the signature's age limit (five minutes) is refused anyway.</summary>
    public TimeSpan WebhookNonceRetention { get; set; } = TimeSpan.FromDays(1);

    /// <summary>The shortest retentions allowed: an inbox row must outlive redeliveries, a nonce the signature's age limit.</summary>
    public bool IsValid() =>
        Interval > TimeSpan.Zero && BatchSize >= 1 && InboxRetention >= TimeSpan.FromDays(1)
        && SentOutboxRetention >= TimeSpan.Zero && WebhookNonceRetention >= TimeSpan.FromMinutes(10);
}

/// <summary>
/// Keeps the inbox, the sent outbox, the webhook nonces and the answers kept for Idempotency-Keys from growing without bound. It runs in every instance, whether
/// or not the relay runs there; several instances purging at once take disjoint rows (SKIP LOCKED) and each deletes only
/// what is past its retention, so they cannot harm one another. Each statement deletes at most a batch, oldest first,
/// along the index migration 0004 added.
/// </summary>
internal sealed class StoragePurge(
    NpgsqlDataSource dataSource, IOptions<PurgeOptions> options, IOptions<IdempotencyOptions> idempotency, ILogger<StoragePurge> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.Interval);
        do
        {
            try
            {
                await PurgeAsync(stoppingToken);
                OperationalMetrics.ScannerRan("storage-purge", TimeProvider.System);
            }
            catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
            {
                logger.LogWarning(ex, "Storage purge failed; it runs again in {Interval}.", options.Value.Interval);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task PurgeAsync(CancellationToken cancellationToken)
    {
        // Each table with the column its age is read from; the names are ours, never a caller's.
        (string Table, string Aged, TimeSpan Retention)[] targets =
        [
            ("inbox_messages", "received_at", options.Value.InboxRetention),
            ("outbox_messages", "sent_at", options.Value.SentOutboxRetention),
            ("webhook_nonces", "received_at", options.Value.WebhookNonceRetention),
            ("idempotent_requests", "created_at", idempotency.Value.Retention),
        ];
        foreach (var (table, aged, retention) in targets)
        {
            var before = DateTimeOffset.UtcNow - retention;
            long total = 0;
            int batch;
            do
            {
                await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
                batch = await connection.ExecuteAsync(new CommandDefinition(
                    $"""
                    DELETE FROM {table} WHERE ctid = ANY(ARRAY(
                        SELECT ctid FROM {table} WHERE {aged} < @before ORDER BY {aged} LIMIT @BatchSize FOR UPDATE SKIP LOCKED))
                    """,
                    new { before, options.Value.BatchSize }, cancellationToken: cancellationToken));
                total += batch;
            }
            while (batch == options.Value.BatchSize);

            if (total > 0)
                logger.LogInformation("Storage purge deleted {Count} row(s) of {Table} older than {Before:O}.", total, table, before);
        }
    }
}
