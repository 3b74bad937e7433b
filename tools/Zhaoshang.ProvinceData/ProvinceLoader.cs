using System.Diagnostics;
using Dapper;
using Npgsql;

namespace Zhaoshang.ProvinceData;

/// <summary>What one load wrote: rows per service and table, and how long it took.</summary>
public sealed record LoadResult(ProvincePlan Plan, FundsPlan Funds, IReadOnlyDictionary<string, IReadOnlyDictionary<string, long>> Rows, TimeSpan Took);

/// <summary>
/// Loads a province into the five services' databases (already migrated by the services themselves): plans it in memory,
/// then copies each service's rows in one transaction per database, the databases side by side, and analyses them.
/// </summary>
public static class ProvinceLoader
{
    public static async Task<LoadResult> LoadAsync(ProvinceShape shape, IReadOnlyDictionary<string, string> connectionStrings, Action<string>? log = null)
    {
        var clock = Stopwatch.StartNew();
        Dictionary<string, Guid> parks;
        await using (var project = new NpgsqlConnection(connectionStrings["Project"]))
            parks = (await project.QueryAsync<(string Name, Guid Id)>("SELECT name, id FROM parks")).ToDictionary(p => p.Name, p => p.Id);
        var plan = new ProvincePlan(shape, parks);
        var funds = new FundsPlan(plan);
        log?.Invoke($"planned {plan.Enterprises.Count} enterprises, {plan.Intents.Count} intents, {plan.Projects.Count} projects in {clock.Elapsed.TotalSeconds:0.0} s");
        Func<NpgsqlConnection, Task<Dictionary<string, long>>>[] loads =
        [
            c => LeadTables.CopyAsync(c, plan),
            c => ProjectTables.CopyAsync(c, plan, funds),
            c => ApprovalTables.CopyAsync(c, plan),
            c => FundingTables.CopyAsync(c, plan, funds),
            c => NotificationTables.CopyAsync(c, plan),
        ];
        string[] services = ["Lead", "Project", "Approval", "Funding", "Notification"];
        var rows = await Task.WhenAll(services.Select((service, i) => Task.Run(async () =>
        {
            var started = clock.Elapsed;
            await using var connection = new NpgsqlConnection(connectionStrings[service]);
            await connection.OpenAsync();
            await using (var transaction = await connection.BeginTransactionAsync())
            {
                var counts = await loads[i](connection);
                await transaction.CommitAsync();
                // As autovacuum would leave them: statistics for the planner, and the visibility map that lets counts and lists
                // be answered from their indexes alone.
                await connection.ExecuteAsync("VACUUM ANALYZE", commandTimeout: (int)BulkCopy.LongStatement.TotalSeconds);
                log?.Invoke($"{service.ToLowerInvariant()}: {string.Join(", ", counts.Select(c => $"{c.Value} {c.Key}"))} in {(clock.Elapsed - started).TotalSeconds:0.0} s");
                return (service, (IReadOnlyDictionary<string, long>)counts);
            }
        })));
        return new LoadResult(plan, funds, rows.ToDictionary(r => r.service, r => r.Item2), clock.Elapsed);
    }
}
