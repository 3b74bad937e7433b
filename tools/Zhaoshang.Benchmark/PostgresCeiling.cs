using System.Diagnostics;
using Dapper;
using Npgsql;

namespace Zhaoshang.Benchmark;

/// <summary>
/// What PostgreSQL alone commits here: single-row-insert transactions (BEGIN; INSERT; COMMIT, durable, fsync on)
/// from as many connections at once as the services held open during the run. With <c>notify</c>, each transaction also
/// calls pg_notify, as every publishing commit did before <see cref="Zhaoshang.Platform.Messaging.OutboxWake"/>: the
/// difference is what PostgreSQL's cluster-wide notify lock, held through each commit's disk flush, costs.
/// </summary>
internal static class PostgresCeiling
{
    public static async Task<double> TransactionsPerSecondAsync(string connectionString, int connections, TimeSpan duration, bool notify = false)
    {
        await using var dataSource = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(connectionString) { MaxPoolSize = connections + 1 }.ConnectionString);
        await using (var setup = await dataSource.OpenConnectionAsync())
            await setup.ExecuteAsync(
                "DROP TABLE IF EXISTS benchmark_ceiling; CREATE TABLE benchmark_ceiling (id uuid PRIMARY KEY, body jsonb NOT NULL, at timestamptz NOT NULL DEFAULT now())");
        var committed = 0L;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, connections).Select(async _ =>
        {
            await using var connection = await dataSource.OpenConnectionAsync();
            while (clock.Elapsed < duration)
            {
                await using var transaction = await connection.BeginTransactionAsync();
                await connection.ExecuteAsync(
                    "INSERT INTO benchmark_ceiling (id, body) VALUES (@Id, @Body::jsonb)" + (notify ? "; SELECT pg_notify('benchmark_ceiling', '')" : ""),
                    new { Id = Guid.NewGuid(), Body = """{"projectId":"00000000-0000-0000-0000-000000000000","state":"Signed"}""" }, transaction);
                await transaction.CommitAsync();
                Interlocked.Increment(ref committed);
            }
        }));
        var rate = committed / clock.Elapsed.TotalSeconds;
        await using (var cleanup = await dataSource.OpenConnectionAsync())
            await cleanup.ExecuteAsync("DROP TABLE benchmark_ceiling");
        return rate;
    }
}
