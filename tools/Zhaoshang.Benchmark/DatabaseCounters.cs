using Dapper;
using Npgsql;
using Zhaoshang.Load;

namespace Zhaoshang.Benchmark;

/// <summary>
/// What PostgreSQL itself says of the services' databases: transactions committed (pg_stat_database), connections
/// held, and when each conversion was taken up; the sums over their own tables are in <see cref="Services"/>.
/// </summary>
internal sealed class DatabaseCounters(string adminConnectionString, ServiceDatabases services, string databasePattern)
{
    public ServiceDatabases Services => services;

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

    /// <summary>
    /// Per project, from the lead's conversion (its outbox row, written in the converting transaction) to the project
    /// service's consumer taking the message up (its inbox row) — both PostgreSQL clock readings.
    /// </summary>
    public async Task<Dictionary<Guid, TimeSpan>> ConversionLatenciesAsync()
    {
        await using var lead = new NpgsqlConnection(services["Lead"]);
        var converted = (await lead.QueryAsync<(Guid MessageId, Guid ProjectId, DateTimeOffset At)>(
            """
            SELECT id, (body->>'projectId')::uuid, created_at FROM outbox_messages
            WHERE message_type = 'Zhaoshang.Contracts.CooperationIntentConverted'
            """)).ToList();
        await using var project = new NpgsqlConnection(services["Project"]);
        var consumed = (await project.QueryAsync<(Guid MessageId, DateTimeOffset At)>(
            "SELECT message_id, received_at FROM inbox_messages WHERE consumer = 'CooperationIntentConvertedConsumer'"))
            .ToDictionary(r => r.MessageId, r => r.At);
        return converted.Where(c => consumed.ContainsKey(c.MessageId)).ToDictionary(c => c.ProjectId, c => consumed[c.MessageId] - c.At);
    }
}
