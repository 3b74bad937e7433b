using System.Security.Claims;
using Dapper;
using Microsoft.AspNetCore.Http.HttpResults;
using Zhaoshang.Platform.Calendar;
using Zhaoshang.Platform.Data;
using Zhaoshang.Platform.Errors;
using Zhaoshang.Platform.Security;
using Zhaoshang.Platform.Warnings;
using Zhaoshang.Project.Lifecycle;
using Zhaoshang.Project.NodePlans.Fulfilment;

namespace Zhaoshang.Project.NodePlans.Plans;

public static partial class NodePlansApi
{
    /// <summary>What a change did: the action, its reason, before and after (for history and audit), or why it was refused.</summary>
    private sealed record NodeOutcome(ProblemHttpResult? Refusal, string Action = "", string? Reason = null, object? Before = null, object? After = null)
    {
        public static NodeOutcome Refused(ProblemHttpResult refusal) => new(refusal);

        public static NodeOutcome Changed(string action, string? reason, object before, object after) => new(null, action, reason, before, after);
    }

    /// <summary>
    /// One node change: validation, the project's access (404 out of scope, 403 read-only), the node locked, its version
    /// compared, the change, then history and audit in the same transaction; answers the node as committed.
    /// </summary>
    private static async Task<Results<Ok<NodeView>, ValidationProblem, ProblemHttpResult>> ChangeNodeAsync(
        Guid id, Guid nodeId, int? version, ValidationErrors errors, ClaimsPrincipal user, Database database, WarningRule rule,
        TimeProvider clock, CancellationToken cancellationToken,
        Func<UnitOfWork, NodeRow, Task<NodeOutcome>> change)
    {
        if (version is null)
            errors.Add("version", "'version' is required: send the node's version you read.");
        if (!errors.IsValid)
            return errors.ToProblem();
        await using var work = await database.BeginAsync(Actor.From(user), cancellationToken);
        var (_, refusal) = await ProjectLifecycle.FindForChangeAsync(work, id);
        if (refusal is not null)
            return refusal;
        var node = await work.QuerySingleOrDefaultAsync<NodeRow>(
            NodeRow.Select + " WHERE id = @nodeId AND project_id = @id FOR UPDATE", new { nodeId, id });
        if (node is null)
            return Problems.NotFound("Node", nodeId);
        if (node.Version != version)
            return Problems.Conflict("The node was changed meanwhile.", $"It is at version {node.Version}; reload it and try again.");
        var outcome = await change(work, node);
        if (outcome.Refusal is { } refused)
            return refused;
        await NodeHistory.RecordAsync(work, id, nodeId, outcome.Action, outcome.Reason, outcome.Before, outcome.After, clock);
        await work.AuditAsync("ProjectNode", nodeId, outcome.Action, outcome.Before, new { outcome.After, outcome.Reason });
        await work.CommitAsync(cancellationToken);
        var changed = await work.Connection.QuerySingleAsync<NodeRow>(NodeRow.Select + " WHERE id = @nodeId", new { nodeId });
        return TypedResults.Ok(changed.ToView(rule, clock.TodayInChina()));
    }
}
