using Dapper;
using Npgsql;

namespace Zhaoshang.Benchmark;

/// <summary>
/// What the services did, read from PostgreSQL itself: transactions committed in their databases
/// (pg_stat_database), messages consumed (inbox rows, one per message and consumer), outbox rows not yet sent,
/// and how many connections they hold.
/// </summary>
internal sealed class DatabaseCounters(string adminConnectionString, IReadOnlyDictionary<string, string> serviceConnectionStrings, string databasePattern)
{
    public async Task<long> CommittedTransactionsAsync()
    {
        await using var connection = new NpgsqlConnection(adminConnectionString);
        await connection.ExecuteAsync("SELECT pg_stat_clear_snapshot()");
        return await connection.ExecuteScalarAsync<long>(
            "SELECT coalesce(sum(xact_commit), 0)::bigint FROM pg_stat_database WHERE datname LIKE @databasePattern", new { databasePattern });
    }

    public async Task<int> ConnectionsAsync()
    {
        await using var connection = new NpgsqlConnection(adminConnectionString);
        return await connection.ExecuteScalarAsync<int>(
            "SELECT count(*)::int FROM pg_stat_activity WHERE datname LIKE @databasePattern AND application_name <> 'zhaoshang-benchmark'",
            new { databasePattern });
    }

    public async Task<long> ConsumedAsync(DateTimeOffset since, DateTimeOffset until) =>
        await SumAsync("SELECT count(*) FROM inbox_messages WHERE received_at >= @since AND received_at < @until", new { since, until });

    public async Task<long> RedeliveredAsync() => await SumAsync("SELECT coalesce(sum(duplicate_count), 0)::bigint FROM inbox_messages", null);

    public async Task<long> UnsentOutboxAsync() => await SumAsync("SELECT count(*) FROM outbox_messages WHERE sent_at IS NULL", null);

    /// <summary>
    /// Per project, from the lead's conversion (its outbox row, written in the converting transaction) to the project
    /// service's consumer taking the message up (its inbox row) — both PostgreSQL clock readings.
    /// </summary>
    public async Task<Dictionary<Guid, TimeSpan>> ConversionLatenciesAsync()
    {
        await using var lead = new NpgsqlConnection(serviceConnectionStrings["Lead"]);
        var converted = (await lead.QueryAsync<(Guid MessageId, Guid ProjectId, DateTimeOffset At)>(
            """
            SELECT id, (body->>'projectId')::uuid, created_at FROM outbox_messages
            WHERE message_type = 'Zhaoshang.Contracts.CooperationIntentConverted'
            """)).ToList();
        await using var project = new NpgsqlConnection(serviceConnectionStrings["Project"]);
        var consumed = (await project.QueryAsync<(Guid MessageId, DateTimeOffset At)>(
            "SELECT message_id, received_at FROM inbox_messages WHERE consumer = 'CooperationIntentConvertedConsumer'"))
            .ToDictionary(r => r.MessageId, r => r.At);
        return converted.Where(c => consumed.ContainsKey(c.MessageId)).ToDictionary(c => c.ProjectId, c => consumed[c.MessageId] - c.At);
    }

    private async Task<long> SumAsync(string sql, object? parameters)
    {
        var total = 0L;
        foreach (var connectionString in serviceConnectionStrings.Values)
        {
            await using var connection = new NpgsqlConnection(connectionString);
            total += await connection.ExecuteScalarAsync<long>(sql, parameters);
        }

        return total;
    }
}
