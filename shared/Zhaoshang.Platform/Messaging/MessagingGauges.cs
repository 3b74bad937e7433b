using System.Diagnostics.Metrics;
using Dapper;
using Npgsql;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;
using Zhaoshang.Platform.Observability;

namespace Zhaoshang.Platform.Messaging;

/// <summary>
/// The outbox as an operator watches it: rows waiting to be published, the age of the oldest (the relay's lag), and
/// rows set aside (dead-lettered).
/// </summary>
internal sealed class OutboxGauges(NpgsqlDataSource dataSource) : IGaugeSample
{
    private sealed record Reading(long Waiting, double? OldestAgeSeconds, long SetAside);

    public async Task SampleAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var reading = await connection.QuerySingleAsync<Reading>(new CommandDefinition(
            """
            SELECT count(*) FILTER (WHERE dead_lettered_at IS NULL) AS waiting,
                   extract(epoch FROM now() - min(created_at) FILTER (WHERE dead_lettered_at IS NULL))::float8 AS oldest_age_seconds,
                   count(*) FILTER (WHERE dead_lettered_at IS NOT NULL) AS set_aside
            FROM outbox_messages WHERE sent_at IS NULL
            """,
            cancellationToken: cancellationToken));
        OperationalMetrics.Set("zhaoshang.outbox.waiting", "{message}", "Outbox rows committed and not yet published.", reading.Waiting);
        OperationalMetrics.Set("zhaoshang.outbox.oldest_age", "s", "How long the oldest unpublished outbox row has waited.",
            (long)(reading.OldestAgeSeconds ?? 0));
        OperationalMetrics.Set("zhaoshang.outbox.set_aside", "{message}", "Outbox rows set aside (dead-lettered) for an operator.", reading.SetAside);
    }
}

/// <summary>
/// How many messages wait in each of the service's <c>_error</c> queues (those that exhausted their retries). A queue
/// MassTransit has not declared yet (nothing failed there) counts 0.
/// </summary>
internal sealed class ErrorQueueGauge(RabbitMqOptions options, IReadOnlyList<string> errorQueues) : IGaugeSample
{
    public async Task SampleAsync(CancellationToken cancellationToken)
    {
        await using var connection = await options.ConnectAsync("zhaoshang-telemetry", TimeSpan.FromSeconds(3), cancellationToken);
        var depths = new List<Measurement<long>>();
        foreach (var queue in errorQueues)
        {
            // A passive declare of a missing queue closes its channel, so each queue gets its own.
            await using var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
            try
            {
                var declared = await channel.QueueDeclarePassiveAsync(queue, cancellationToken);
                depths.Add(new(declared.MessageCount, new KeyValuePair<string, object?>("queue", queue)));
            }
            catch (OperationInterruptedException ex) when (ex.ShutdownReason?.ReplyCode == 404)
            {
                depths.Add(new(0, new KeyValuePair<string, object?>("queue", queue)));
            }
        }

        OperationalMetrics.Set("zhaoshang.error_queue.depth", "{message}", "Messages waiting in each _error queue of the service.", depths);
    }
}
