using System.Text.Json;
using Zhaoshang.Platform.Data;
using Zhaoshang.Platform.Warnings;
using Zhaoshang.Project.NodePlans.Plans;

namespace Zhaoshang.Project.NodePlans.Fulfilment;

/// <summary>
/// Records what happened to a project (the earliest day of each fact, whatever order the messages come in) and completes
/// the plan's event-fulfilled nodes from all facts on file, so a fact recorded before the plan existed still counts. A node
/// an event completed follows the earliest day of its facts; one its owner completed stays as they recorded it.
/// </summary>
internal static class NodeFacts
{
    public const string System = "system";

    /// <summary>
    /// Takes the project's record lock first, as plan creation does, so a fact and a plan made at the same time always
    /// meet: whichever commits second sees the other.
    /// </summary>
    public static async Task RecordAsync(UnitOfWork work, Guid projectId, string key, DateOnly day, TimeProvider clock)
    {
        await work.LockRecordAsync(projectId);
        await work.ExecuteAsync(
            """
            INSERT INTO project_facts (project_id, key, fulfilled_on, recorded_at) VALUES (@projectId, @key, @day, @now)
            ON CONFLICT (project_id, key) DO UPDATE SET fulfilled_on = least(project_facts.fulfilled_on, excluded.fulfilled_on)
            """,
            new { projectId, key, day, now = clock.GetUtcNow() });
        await ApplyAsync(work, projectId, clock);
    }

    public static async Task ApplyAsync(UnitOfWork work, Guid projectId, TimeProvider clock)
    {
        var facts = (await work.QueryAsync<(string Key, DateOnly Day)>(
            "SELECT key, fulfilled_on FROM project_facts WHERE project_id = @projectId", new { projectId }))
            .ToDictionary(f => f.Key, f => f.Day);
        var nodes = await work.QueryAsync<NodeRow>(
            NodeRow.Select + " WHERE project_id = @projectId AND fulfilled_by IS NOT NULL AND (completed_on IS NULL OR completed_by = @System) FOR UPDATE",
            new { projectId, System });
        foreach (var node in nodes)
        {
            if (FactKeys.FulfilledOn(node.FulfilledBy, facts) is not { } day || day == node.CompletedOn)
                continue;
            await work.ExecuteAsync(
                "UPDATE project_nodes SET completed_on = @day, completed_by = @System, version = version + 1 WHERE id = @Id",
                new { day, System, node.Id });
            await NodeHistory.RecordAsync(work, projectId, node.Id, "completed by event", null,
                new { node.CompletedOn }, new { CompletedOn = day, node.FulfilledBy }, clock);
            if (node.CompletedOn is null)
                await NodeNotices.ClearAsync(work, node.Id, "节点已完成", clock);
        }
    }
}

/// <summary>The plan's history: re-plans, assignments, completions, each with who, when, why, before and after.</summary>
internal static class NodeHistory
{
    public static Task RecordAsync(
        UnitOfWork work, Guid projectId, Guid? nodeId, string action, string? reason, object? before, object? after, TimeProvider clock) =>
        work.ExecuteAsync(
            """
            INSERT INTO project_node_history (project_id, node_id, action, actor, reason, before, after, occurred_at)
            VALUES (@projectId, @nodeId, @action, @Actor, @reason, @Before::jsonb, @After::jsonb, @now)
            """,
            new
            {
                projectId, nodeId, action, Actor = work.Actor.Subject, reason, now = clock.GetUtcNow(),
                Before = before is null ? null : JsonSerializer.Serialize(before, JsonSerializerOptions.Web),
                After = after is null ? null : JsonSerializer.Serialize(after, JsonSerializerOptions.Web),
            });
}

/// <summary>A node's warnings (item key <c>node:{id}</c>) end when it is completed or re-planned.</summary>
internal static class NodeNotices
{
    public static string ItemKey(Guid nodeId) => $"node:{nodeId}";

    public static Task ClearAsync(UnitOfWork work, Guid nodeId, string reason, TimeProvider clock, DateOnly? unlessDueOn = null) =>
        work.ClearAsync(ItemKey(nodeId), reason, clock.GetUtcNow(), unlessDueOn);
}
