using Dapper;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace Zhaoshang.Platform.Messaging;

/// <summary>
/// Says how many outbox messages are set aside (dead-lettered) and since when. The service stays ready with them: newer
/// messages flow, and the set-aside ones wait for an operator (<see cref="DeadLettersApi"/>).
/// </summary>
internal sealed class OutboxHealthCheck(NpgsqlDataSource dataSource) : IHealthCheck
{
    private sealed record DeadLetterSummary(long Count, DateTimeOffset? Oldest);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            var summary = await connection.QuerySingleAsync<DeadLetterSummary>(new CommandDefinition(
                "SELECT count(*) AS count, min(dead_lettered_at) AS oldest FROM outbox_messages WHERE dead_lettered_at IS NOT NULL",
                cancellationToken: cancellationToken));
            var data = new Dictionary<string, object> { ["deadLettered"] = summary.Count };
            if (summary.Oldest is { } oldest)
                data["oldestDeadLetteredAt"] = oldest;
            return HealthCheckResult.Healthy(
                summary.Count == 0
                    ? "No outbox message is set aside."
                    : $"{summary.Count} outbox message(s) set aside (dead-lettered), the oldest at {summary.Oldest:O}: "
                      + "GET /api/outbox/dead-letters lists them, POST /api/outbox/dead-letters/{id}/requeue sends one again.",
                data);
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy("The outbox cannot be read: PostgreSQL is not reachable.", ex);
        }
    }
}
