using System.Diagnostics.Metrics;
using Dapper;
using Zhaoshang.Platform.Data;
using Zhaoshang.Platform.Observability;

namespace Zhaoshang.Project.Lifecycle;

/// <summary>The duty officer's view of the pipeline: <c>zhaoshang.projects</c>, how many projects are in each state.</summary>
internal sealed class ProjectsPerStateGauge(Database database) : IGaugeSample
{
    private sealed record StateCount(string State, long Projects);

    public async Task SampleAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var counts = await connection.QueryAsync<StateCount>(new CommandDefinition(
            "SELECT state, count(*) AS projects FROM projects GROUP BY state", cancellationToken: cancellationToken));
        OperationalMetrics.Set("zhaoshang.projects", "{project}", "Projects in each lifecycle state.",
            counts.Select(c => new Measurement<long>(c.Projects, new KeyValuePair<string, object?>("state", c.State))).ToList());
    }
}
