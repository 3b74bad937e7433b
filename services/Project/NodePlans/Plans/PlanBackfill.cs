using Dapper;
using Zhaoshang.Platform.Calendar;
using Zhaoshang.Platform.Data;
using Zhaoshang.Platform.Security;
using Zhaoshang.Project.Lifecycle;
using Zhaoshang.Project.NodePlans.Fulfilment;

namespace Zhaoshang.Project.NodePlans.Plans;

/// <summary>
/// Projects signed before node plans existed get theirs lazily, from the node scanner: dated from their signing day, with
/// the stages they reached (from their timeline and stage dates) as facts. Approval grants from before then were never
/// announced, so those nodes are completed by their owners.
/// </summary>
internal static class PlanBackfill
{
    public static async Task RunAsync(Database database, WorkCalendar calendar, TimeProvider clock, CancellationToken cancellationToken)
    {
        IReadOnlyList<Guid> missing;
        await using (var connection = await database.OpenAsync(cancellationToken))
            missing = (await connection.QueryAsync<Guid>(
                """
                SELECT id FROM projects p
                WHERE signed_on IS NOT NULL AND NOT EXISTS (SELECT 1 FROM project_node_plans l WHERE l.project_id = p.id)
                ORDER BY id LIMIT 500
                """)).AsList();
        foreach (var id in missing)
        {
            await using var work = await database.BeginAsync(Actor.System, cancellationToken);
            var project = (await ProjectLifecycle.FindForUpdateAsync(work, id))!;
            var reached = await work.QueryAsync<(string State, DateTimeOffset At)>(
                "SELECT to_state, min(occurred_at) FROM project_timeline WHERE project_id = @id GROUP BY to_state", new { id });
            await NodeFacts.RecordAsync(work, id, FactKeys.Signed, project.SignedOn!.Value, clock);
            foreach (var (state, at) in reached)
            {
                if (Enum.TryParse<ProjectState>(state, out var s) && FactKeys.ForState(s) is { } key)
                    await NodeFacts.RecordAsync(work, id, key, DateOnly.FromDateTime(at.UtcDateTime.AddHours(8)), clock);
            }

            foreach (var (key, day) in new[] { (FactKeys.Land, project.LandAcquiredOn), (FactKeys.ConstructionStart, project.ConstructionStartedOn),
                         (FactKeys.Production, project.ProductionStartedOn) })
            {
                if (day is { } known)
                    await NodeFacts.RecordAsync(work, id, key, known, clock);
            }

            await NodePlanning.CreateAsync(work, id, project.Industry, project.Team, project.SignedOn!.Value, calendar, clock);
            await work.CommitAsync(cancellationToken);
        }
    }
}
