using Dapper;
using System.Diagnostics.Metrics;
using Zhaoshang.Platform.Data;
using Zhaoshang.Platform.Observability;

namespace Zhaoshang.Notification.Deliveries;

/// <summary>
/// <c>zhaoshang.notification.deliveries</c> by status (pending, failed) and <c>zhaoshang.notification.deliveries.stopped</c>:
/// failed deliveries that used up their attempts and wait for an operator's retry.
/// </summary>
internal sealed class DeliveriesGauge(Database database) : IGaugeSample
{
    public async Task SampleAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var counts = await connection.QuerySingleAsync<(long Pending, long Failed, long Stopped)>(new CommandDefinition(
            """
            SELECT count(*) FILTER (WHERE status = 'pending'), count(*) FILTER (WHERE status = 'failed'),
                   count(*) FILTER (WHERE status = 'failed' AND next_attempt_at IS NULL)
            FROM deliveries WHERE status <> 'sent'
            """, cancellationToken: cancellationToken));
        OperationalMetrics.Set("zhaoshang.notification.deliveries", "{delivery}", "Notification deliveries not yet sent, by status.",
        [
            new Measurement<long>(counts.Pending, new KeyValuePair<string, object?>("status", "pending")),
            new Measurement<long>(counts.Failed, new KeyValuePair<string, object?>("status", "failed")),
        ]);
        OperationalMetrics.Set("zhaoshang.notification.deliveries.stopped", "{delivery}",
            "Failed notification deliveries that used up their attempts and wait for an operator's retry.", counts.Stopped);
    }
}
